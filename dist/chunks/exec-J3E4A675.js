import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a,b}from"./chunk-FLIRU3XD.js";import"./chunk-VP7XJ47D.js";export{a as exec,b as getExecOutput};
