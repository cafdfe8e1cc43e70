import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as n,d as p,e as h,f}from"./chunk-YS7NEBEN.js";var r=50,l=200,u=64*1024;function g(a,t){let i={title:a.name},o=a.location.file;return!/^[a-z][a-z0-9+.-]*:\/\//i.test(o)&&o!=="<stdin>"&&!o.startsWith("cm://")&&(i.file=t(o),a.location.line!==void 0&&(i.startLine=a.location.line)),i}function S(a,t){let i=a.constraints.filter(e=>e.status==="failed"),o=a.constraints.filter(e=>e.status==="skipped");for(let e of i.slice(0,r)){let s=e.remediation?` (${e.remediation})`:"";p(`${e.message}${s}`,g(e,t))}for(let e of o.slice(0,r))h(`skipped: ${e.message}`,g(e,t));let d=Math.max(0,i.length-r)+Math.max(0,o.length-r);d>0&&f(`${d} more failed or skipped constraints are not annotated; see the report`)}var c={passed:"\u2705 passed",failed:"\u274C failed",skipped:"\u26A0\uFE0F skipped",pass:"\u2705 pass",fail:"\u274C fail",partial:"\u26A0\uFE0F partial"};function k(a,t,i,o){let{summary:d}=t;a.addHeading("AICR validate",2),a.addRaw(`
**Status:** ${c[t.status]} &nbsp; **Recipe:** \`${n(t.recipe)}\` &nbsp; **Snapshot:** \`${n(t.snapshot)}\`

`),a.addTable([[{data:"constraints",header:!0},{data:"passed",header:!0},{data:"failed",header:!0},{data:"skipped",header:!0}],[String(d.constraints),String(d.passed),String(d.failed),String(d.skipped)]]);for(let e of t.notes)a.addRaw(`
> ${n(e)}
`);if(t.constraints.length){a.addHeading("Readiness constraints",3);let e=t.constraints.slice(0,l).map(s=>[`<code>${n(s.name)}</code>`,`<code>${n(s.expected)}</code>`,s.actual===void 0?"\u2014":`<code>${n(s.actual)}</code>`,s.status==="passed"?c.passed:`${c[s.status]}: ${n(s.message)}`]);a.addTable([[{data:"constraint",header:!0},{data:"expected",header:!0},{data:"actual",header:!0},{data:"status",header:!0}],...e]),t.constraints.length>l&&a.addRaw(`
${t.constraints.length-l} more constraints are in the report.
`)}t.phases.length&&(a.addHeading("Live phases",3),a.addTable([[{data:"phase",header:!0},{data:"checks",header:!0},{data:"status",header:!0}],...t.phases.map(e=>[e.phase,e.checks.length?e.checks.map(s=>`<code>${n(s)}</code>`).join(", "):"\u2014",`${c.skipped}: ${n(e.reason)}`])])),i.length<=u?a.addDetails(`CTRF report (${n(o)})`,`

\`\`\`json
${i.replaceAll("```","`\u200B``")}\`\`\`

`):a.addRaw(`
The CTRF report (${i.length} bytes) is too large to show here: \`${n(o)}\`.
`)}export{S as a,k as b};
