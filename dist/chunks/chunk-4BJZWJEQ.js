import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as n}from"./chunk-VP7XJ47D.js";var o=n("node:fs/promises"),t=e=>o[e];var r=o;var c=t("open");var s=t("readdir");var p=t("realpath");var i=t("readFile");export{r as a,c as b,s as c,p as d,i as e};
