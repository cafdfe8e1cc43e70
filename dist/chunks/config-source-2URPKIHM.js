import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a}from"./chunk-YQSXE62O.js";import"./chunk-T34MDTGQ.js";import"./chunk-VP7XJ47D.js";export{a as resolveConfigSource};
