import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
var e="aicr.run/v1",t=["readiness","deployment","performance","conformance"];export{e as a,t as b};
