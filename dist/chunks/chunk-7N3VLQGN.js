import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as t}from"./chunk-VP7XJ47D.js";var e=t("node:child_process"),o=c=>e[c];var n=e;var r=o("spawn");export{n as a,r as b};
