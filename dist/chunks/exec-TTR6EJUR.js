import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a,b}from"./chunk-KRC2EQZJ.js";import"./chunk-VZLVIQVO.js";import"./chunk-7N3VLQGN.js";import"./chunk-CD6S6HXK.js";import"./chunk-7BFPARAA.js";import"./chunk-VP7XJ47D.js";export{a as exec,b as getExecOutput};
