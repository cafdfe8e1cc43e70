import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as m,d as u,f,g as l}from"./chunk-4UKS4DP5.js";import{d as e}from"./chunk-UJJLB23E.js";function j(i,o){return o==="json"?u(i):o==="table"?g(i):m(i)}function g(i){let o=[],s=(n,t)=>{if(Array.isArray(n)){n.forEach((r,a)=>s(r,`${t}[${a}]`));return}if(l(n)){for(let r of Object.keys(n))s(n[r],t?`${t}.${r}`:r);return}o.push([t,n==null?"<nil>":String(n)])};return s(i,""),o.length===0?`<empty>
`:(o.sort((n,t)=>f(n[0],t[0])),c(["FIELD","VALUE"],o))}function c(i,o){let s=[i,i.map(t=>"-".repeat(t.length)),...o].map(t=>t.map(e)),n=i.map((t,r)=>s.reduce((a,p)=>Math.max(a,(p[r]??"").length),0));return s.map(t=>t.map((r,a)=>a===t.length-1?r:r.padEnd(n[a])).join("  ").trimEnd()).join(`
`)+`
`}export{j as a,c as b};
