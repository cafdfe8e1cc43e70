import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a}from"./chunk-FIX6WZ73.js";import"./chunk-VP7XJ47D.js";export default a();
