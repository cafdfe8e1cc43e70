import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as d}from"./chunk-IUKSESNL.js";var n=500;function o(a,e){a.addHeading("AICR bundle verification",2),a.addRaw(e.ok?`
\u2705 **${d(e.dir)}**: all ${e.verified} files match \`checksums.txt\`.

`:`
\u274C **${d(e.dir)}**: ${e.problems.length} problem(s); ${e.verified} of ${e.listed} listed files match \`checksums.txt\`.

`),e.ok||(a.addTable([[{data:"problem",header:!0},{data:"file",header:!0},{data:"line",header:!0},{data:"detail",header:!0}],...e.problems.slice(0,n).map(i=>[i.kind,d(i.path),i.line===void 0?"":String(i.line),d(i.detail)])]),e.problems.length>n&&a.addRaw(`
${e.problems.length-n} more problems not shown.
`))}export{o as a};
