import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as e}from"./chunk-VP7XJ47D.js";var n=e("node:fs/promises"),t=o=>n[o];var r=t("open");var c=t("readdir");var s=t("readFile");export{r as a,c as b,s as c};
