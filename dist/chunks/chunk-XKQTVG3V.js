import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as o}from"./chunk-VP7XJ47D.js";var t=o("node:stream"),e=r=>t[r];var s=t;var i=e("Readable");var a=e("Duplex"),n=e("Transform"),p=e("PassThrough");var c=e("finished");export{s as a,i as b,a as c,n as d,p as e,c as f};
