import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
function a(n){return n.replace(/^(\s*):(?=:)/gm,"$1:\u200B")}function u(n){return/[\u0000-\u001f\u007f]/.test(n)?JSON.stringify(n):n}function f(n){if(!n?.file)return"";let t=u(n.file);return n.startLine?`${t}:${n.startLine}: `:`${t}: `}function c(n={}){let t=n.stream??process.stderr,i=(r,e,o)=>{if(n.json){t.write(JSON.stringify({level:r,msg:e,...o??{}})+`
`);return}let s=r==="info"?"":`${r}: `,g=o?.title?`${o.title}: `:"";t.write(a(`${s}${f(o)}${g}${e}`)+`
`)};return{debug:r=>{n.debug&&i("debug",r)},info:r=>i("info",r),notice:(r,e)=>i("notice",r,e),warning:(r,e)=>i("warning",r,e),error:(r,e)=>i("error",r,e),group:async(r,e)=>(n.json||t.write(`${r}
`),e())}}var m={debug:()=>{},info:()=>{},notice:()=>{},warning:()=>{},error:()=>{},group:(n,t)=>t()};export{a,c as b,m as c};
