import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a,b}from"./chunk-BH7EKXX6.js";import"./chunk-VZLVIQVO.js";import"./chunk-7N3VLQGN.js";import"./chunk-CD6S6HXK.js";import"./chunk-Z3CQUR2I.js";import"./chunk-VP7XJ47D.js";export{a as exec,b as getExecOutput};
