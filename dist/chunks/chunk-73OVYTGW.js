import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as r,b as n}from"./chunk-VP7XJ47D.js";var e,t,c,p,a,l,i,x,m,s=n(()=>{e=r("node:os"),t=o=>e[o],c=e,p=t("arch"),a=t("homedir"),l=t("hostname"),i=t("platform"),x=t("tmpdir"),m=t("EOL")});export{c as a,p as b,a as c,l as d,i as e,x as f,m as g,s as h};
