import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as n}from"./chunk-VP7XJ47D.js";var o=n("node:events"),t=e=>o[e];var r=t("EventEmitter");var s=t("setMaxListeners");export{r as a,s as b};
