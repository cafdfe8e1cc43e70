import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{b as m}from"./chunk-55V4IU56.js";function o(n,a){a&&n.addRaw(`
${m(a)}
`)}export{o as a};
