import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as u,d as m,f as p,g as c}from"./chunk-TAFTMK7V.js";function O(r,o){return o==="json"?m(r):o==="table"?g(r):u(r)}function g(r){let o=[],e=(n,i)=>{if(Array.isArray(n)){n.forEach((t,s)=>e(t,`${i}[${s}]`));return}if(c(n)){for(let t of Object.keys(n))e(n[t],i?`${i}.${t}`:t);return}o.push([i,n==null?"<nil>":String(n)])};return e(r,""),o.length===0?`<empty>
`:(o.sort((n,i)=>p(n[0],i[0])),l(["FIELD","VALUE"],o))}function l(r,o){let e=t=>t.replace(/[\r\n\t]+/g," "),n=[r,r.map(t=>"-".repeat(t.length)),...o].map(t=>t.map(e)),i=r.map((t,s)=>n.reduce((a,f)=>Math.max(a,(f[s]??"").length),0));return n.map(t=>t.map((s,a)=>a===t.length-1?s:s.padEnd(i[a])).join("  ").trimEnd()).join(`
`)+`
`}export{O as a,l as b};
