import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as t}from"./chunk-VP7XJ47D.js";var r=t("node:http"),n=e=>r[e];var c=r;var a=n("request");var o=t("node:https"),s=e=>o[e];var l=o;var x=s("request");export{c as a,a as b,l as c,x as d};
