import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as o}from"./chunk-VP7XJ47D.js";var t=o("node:zlib"),n=e=>t[e];var c=t;var r=n("inflateRawSync");export{c as a,r as b};
