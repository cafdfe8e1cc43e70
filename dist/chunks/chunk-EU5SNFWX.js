import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
var o="1.0.0";export{o as a};
