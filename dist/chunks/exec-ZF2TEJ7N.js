import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a,b}from"./chunk-IU7KSCY3.js";import"./chunk-VZLVIQVO.js";import"./chunk-7N3VLQGN.js";import"./chunk-EIC4VM5R.js";import"./chunk-VP7XJ47D.js";export{a as exec,b as getExecOutput};
