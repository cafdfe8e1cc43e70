import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as r,b as n}from"./chunk-VP7XJ47D.js";var e,t,c,a,p,l,i,s=n(()=>{e=r("node:os"),t=o=>e[o],c=e,a=t("arch"),p=t("homedir"),l=t("platform"),i=t("EOL")});export{c as a,a as b,p as c,l as d,i as e,s as f};
