import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as i,d as p,e as h}from"./chunk-IUKSESNL.js";import{h as g,i as R,j as k}from"./chunk-IO3AYEE4.js";var f=50,l=200,m=64*1024;function u(e,t){let o={title:e.phase==="readiness"?e.name:`${e.phase}: ${e.name}`},r=e.location.file;return!/^[a-z][a-z0-9+.-]*:\/\//i.test(r)&&r!=="<stdin>"&&!r.startsWith("cm://")&&(o.file=t(r),e.location.line!==void 0&&(o.startLine=e.location.line)),o}function M(e,t){let o=e.constraints.filter(a=>a.status==="failed"),r=e.constraints.filter(a=>a.status==="skipped");for(let a of o.slice(0,f)){let s=a.remediation?` (${a.remediation})`:"";g(p(`${a.message}${s}`),h(u(a,t)))}for(let a of r.slice(0,f))R(p(`skipped: ${a.message}`),h(u(a,t)));let c=e.live.filter(a=>a.status==="failed"||a.status==="error");for(let a of c.slice(0,f)){let s=a.status==="error"?"could not be evaluated: ":"";g(p(`${s}${a.message}`),h(u(a,t)))}let n=e.live.filter(a=>a.status==="skipped");for(let a of n.slice(0,f))k(p(`skipped: ${a.message}`),h(u(a,t)));let d=[o,r,c,n].reduce((a,s)=>a+Math.max(0,s.length-f),0);d>0&&k(`${d} more failed or skipped constraints and checks are not annotated; see the report`)}var $={passed:"\u2705 passed",failed:"\u274C failed",skipped:"\u26A0\uFE0F skipped",pass:"\u2705 pass",fail:"\u274C fail",partial:"\u26A0\uFE0F partial"};function T(e,t,o,r){let{summary:c}=t;e.addHeading("AICR validate",2),e.addRaw(`
**Status:** ${$[t.status]} &nbsp; **Recipe:** \`${i(t.recipe)}\` &nbsp; **Snapshot:** \`${i(t.snapshot)}\`

`),e.addTable([[{data:"constraints",header:!0},{data:"passed",header:!0},{data:"failed",header:!0},{data:"skipped",header:!0}],[String(c.constraints),String(c.passed),String(c.failed),String(c.skipped)]]);for(let n of t.notes)e.addRaw(`
> ${i(n)}
`);if(t.constraints.length){e.addHeading("Readiness constraints",3);let n=t.constraints.slice(0,l).map(d=>[`<code>${i(d.name)}</code>`,`<code>${i(d.expected)}</code>`,d.actual===void 0?"\u2014":`<code>${i(d.actual)}</code>`,d.status==="passed"?$.passed:`${$[d.status]}: ${i(d.message)}`]);e.addTable([[{data:"constraint",header:!0},{data:"expected",header:!0},{data:"actual",header:!0},{data:"status",header:!0}],...n]),t.constraints.length>l&&e.addRaw(`
${t.constraints.length-l} more constraints are in the report.
`)}if(t.live.length){let{liveSummary:n}=t;e.addHeading("Live checks",3),e.addRaw(`
${n.checks} checks: ${n.passed} passed, ${n.failed} failed, ${n.skipped} skipped

`);let d=s=>s.status==="error"?"\u274C error":$[s.status],a=t.live.slice(0,l).map(s=>[s.phase,`<code>${i(s.name)}</code>`,s.status==="passed"?`${d(s)}: ${i(s.message)}`:`${d(s)}: ${i(s.message)}${s.details?.length?`<br>${s.details.slice(0,5).map(v=>i(v)).join("<br>")}`:""}`,`${(s.durationMs/1e3).toFixed(1)}s`]);e.addTable([[{data:"phase",header:!0},{data:"check",header:!0},{data:"result",header:!0},{data:"time",header:!0}],...a]),t.live.length>l&&e.addRaw(`
${t.live.length-l} more checks are in the report.
`)}t.phases.length&&(e.addHeading(t.live.length?"Live phases not run":"Live phases",3),e.addTable([[{data:"phase",header:!0},{data:"checks",header:!0},{data:"status",header:!0}],...t.phases.map(n=>[n.phase,n.checks.length?n.checks.map(d=>`<code>${i(d)}</code>`).join(", "):"\u2014",`${$.skipped}: ${i(n.reason)}`])])),o.length<=m?e.addDetails(`CTRF report (${i(r)})`,`

\`\`\`json
${o.replaceAll("```","`\u200B``")}\`\`\`

`):e.addRaw(`
The CTRF report (${o.length} bytes) is too large to show here: \`${i(r)}\`.
`)}export{M as a,T as b};
