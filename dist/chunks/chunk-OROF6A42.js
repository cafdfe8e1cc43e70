import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
var e=!1;function o(){e=!0}function l(){return e}export{o as a,l as b};
