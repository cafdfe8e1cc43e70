import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{e as m}from"./chunk-RTIDY4GJ.js";function o(n,a){a&&n.addRaw(`
${m(a)}
`)}export{o as a};
