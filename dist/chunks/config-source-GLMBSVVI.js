import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a}from"./chunk-ULIVN3CE.js";import"./chunk-73OVYTGW.js";import"./chunk-USKXCMLT.js";import"./chunk-VP7XJ47D.js";export{a as resolveConfigSource};
