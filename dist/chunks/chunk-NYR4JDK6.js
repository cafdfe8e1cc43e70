import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as n,d as f,e as g,f as u,g as p,h as l}from"./chunk-AQRIIAX4.js";var r=50,h=200,R=64*1024;function $(t,a){let i={title:t.name},o=t.location.file;return!/^[a-z][a-z0-9+.-]*:\/\//i.test(o)&&o!=="<stdin>"&&!o.startsWith("cm://")&&(i.file=a(o),t.location.line!==void 0&&(i.startLine=t.location.line)),i}function A(t,a){let i=t.constraints.filter(e=>e.status==="failed"),o=t.constraints.filter(e=>e.status==="skipped");for(let e of i.slice(0,r)){let s=e.remediation?` (${e.remediation})`:"";f(p(`${e.message}${s}`),l($(e,a)))}for(let e of o.slice(0,r))g(p(`skipped: ${e.message}`),l($(e,a)));let d=Math.max(0,i.length-r)+Math.max(0,o.length-r);d>0&&u(`${d} more failed or skipped constraints are not annotated; see the report`)}var c={passed:"\u2705 passed",failed:"\u274C failed",skipped:"\u26A0\uFE0F skipped",pass:"\u2705 pass",fail:"\u274C fail",partial:"\u26A0\uFE0F partial"};function M(t,a,i,o){let{summary:d}=a;t.addHeading("AICR validate",2),t.addRaw(`
**Status:** ${c[a.status]} &nbsp; **Recipe:** \`${n(a.recipe)}\` &nbsp; **Snapshot:** \`${n(a.snapshot)}\`

`),t.addTable([[{data:"constraints",header:!0},{data:"passed",header:!0},{data:"failed",header:!0},{data:"skipped",header:!0}],[String(d.constraints),String(d.passed),String(d.failed),String(d.skipped)]]);for(let e of a.notes)t.addRaw(`
> ${n(e)}
`);if(a.constraints.length){t.addHeading("Readiness constraints",3);let e=a.constraints.slice(0,h).map(s=>[`<code>${n(s.name)}</code>`,`<code>${n(s.expected)}</code>`,s.actual===void 0?"\u2014":`<code>${n(s.actual)}</code>`,s.status==="passed"?c.passed:`${c[s.status]}: ${n(s.message)}`]);t.addTable([[{data:"constraint",header:!0},{data:"expected",header:!0},{data:"actual",header:!0},{data:"status",header:!0}],...e]),a.constraints.length>h&&t.addRaw(`
${a.constraints.length-h} more constraints are in the report.
`)}a.phases.length&&(t.addHeading("Live phases",3),t.addTable([[{data:"phase",header:!0},{data:"checks",header:!0},{data:"status",header:!0}],...a.phases.map(e=>[e.phase,e.checks.length?e.checks.map(s=>`<code>${n(s)}</code>`).join(", "):"\u2014",`${c.skipped}: ${n(e.reason)}`])])),i.length<=R?t.addDetails(`CTRF report (${n(o)})`,`

\`\`\`json
${i.replaceAll("```","`\u200B``")}\`\`\`

`):t.addRaw(`
The CTRF report (${i.length} bytes) is too large to show here: \`${n(o)}\`.
`)}export{A as a,M as b};
