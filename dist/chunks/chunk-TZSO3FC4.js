import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as e}from"./chunk-VP7XJ47D.js";var r=e("node:url"),o=t=>r[t];var n=o("URL");var c=o("fileURLToPath");export{n as a,c as b};
