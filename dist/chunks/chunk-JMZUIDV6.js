import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as r}from"./chunk-VP7XJ47D.js";var c=r("node:crypto"),e=t=>c[t];var o=e("createHash"),n=e("createHmac");var p=e("randomBytes");export{o as a,n as b,p as c};
