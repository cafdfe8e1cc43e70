import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as r}from"./chunk-VP7XJ47D.js";var e=r("node:util"),t=o=>e[o];var s=e;var n=t("inspect");var c=t("isDeepStrictEqual");var i=t("types");export{s as a,n as b,c,i as d};
