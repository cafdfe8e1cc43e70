import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a,b,c,d,e}from"./chunk-VHHXPX7F.js";import"./chunk-UJJLB23E.js";import"./chunk-WUGFYBK7.js";import"./chunk-VP7XJ47D.js";export{e as credentialsError,d as displayServer,a as kubeconfigLoadError,b as loadKubeconfigFile,c as rememberCredentials};
