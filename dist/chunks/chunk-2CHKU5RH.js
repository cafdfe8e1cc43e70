import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as t}from"./chunk-VP7XJ47D.js";var c=t("node:crypto"),r=e=>c[e];var p=r("createHash"),s=r("createHmac");var o=t("node:zlib"),n=e=>o[e];var i=o;var x=n("inflateRawSync");export{p as a,s as b,i as c,x as d};
