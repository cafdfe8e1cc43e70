import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
var o="0.1.0";export{o as a};
