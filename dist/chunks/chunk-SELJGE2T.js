import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as t}from"./chunk-VP7XJ47D.js";var r=t("node:http"),o=e=>r[e];var c=r;var a=o("STATUS_CODES");var p=o("request");var n=t("node:https"),s=e=>n[e];var x=n;var g=s("request");export{c as a,a as b,p as c,x as d,g as e};
