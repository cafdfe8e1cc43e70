import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
var i="ghcr.io/nvidia/aicr:v0.11.1";export{i as a};
