import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{c as g}from"./chunk-44VK2GOC.js";function m(e){return e.replace(/^(\s*):(?=:)/gm,"$1:\u200B")}function f(e){return/[\u0000-\u001f\u007f]/.test(e)?JSON.stringify(e):e}function c(e){if(!e?.file)return"";let t=f(e.file);return e.startLine?`${t}:${e.startLine}: `:`${t}: `}function l(e={}){let t=e.stream??process.stderr,i=(n,r,o)=>{let s=g(r,e.namer);if(e.json){t.write(JSON.stringify({level:n,msg:s,...o??{}})+`
`);return}let a=n==="info"?"":`${n}: `,u=o?.title?`${o.title}: `:"";t.write(m(`${a}${c(o)}${u}${s}`)+`
`)};return{debug:n=>{e.debug&&i("debug",n)},info:n=>i("info",n),notice:(n,r)=>i("notice",n,r),warning:(n,r)=>i("warning",n,r),error:(n,r)=>i("error",n,r),group:async(n,r)=>(e.json||t.write(`${n}
`),r())}}var p={debug:()=>{},info:()=>{},notice:()=>{},warning:()=>{},error:()=>{},group:(e,t)=>t()};export{m as a,l as b,p as c};
