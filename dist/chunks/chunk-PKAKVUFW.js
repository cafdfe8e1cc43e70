import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
function r(n){return n==null?"":typeof n=="number"&&Number.isInteger(n)?BigInt(n).toString():String(n)}export{r as a};
