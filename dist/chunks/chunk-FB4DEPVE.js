import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{d}from"./chunk-SMSZYPTC.js";import{d as t}from"./chunk-DC5IHQTE.js";import{g as c,i as l}from"./chunk-MXMQB6JB.js";import{join as s,relative as f}from"node:path";var a=50,r=500;function k(o){let e=process.env.GITHUB_WORKSPACE||process.cwd();for(let i of o.problems.slice(0,a)){let n=d(i),m=f(e,s(o.dir,n.path)).split("\\").join("/"),p=n.path===i.path?"":` ${i.path}:`;c(`${i.kind}:${p} ${i.detail}`,{title:"bundle checksum",file:m,...n.line?{startLine:n.line}:{}})}o.problems.length>a&&l(`${o.problems.length-a} more problems are not annotated; see the job summary`)}function S(o,e){o.addHeading("AICR bundle verification",2),o.addRaw(e.ok?`
\u2705 **${t(e.dir)}**: all ${e.verified} files match \`checksums.txt\`.

`:`
\u274C **${t(e.dir)}**: ${e.problems.length} problem(s); ${e.verified} of ${e.listed} listed files match \`checksums.txt\`.

`),e.ok||(o.addTable([[{data:"problem",header:!0},{data:"file",header:!0},{data:"line",header:!0},{data:"detail",header:!0}],...e.problems.slice(0,r).map(i=>[i.kind,t(i.path),i.line===void 0?"":String(i.line),t(i.detail)])]),e.problems.length>r&&o.addRaw(`
${e.problems.length-r} more problems not shown.
`))}export{k as a,S as b};
