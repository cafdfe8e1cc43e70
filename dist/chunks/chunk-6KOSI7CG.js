import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
function r(n,t,e){return{option:n,logger:t.logger,...t.stdin?{stdin:t.stdin}:{},...e?{kubeconfig:e}:{},...t.signal?{signal:t.signal}:{}}}function g(n,t){return{...t?{kubeconfig:t}:{},...n.signal?{signal:n.signal}:{}}}export{r as a,g as b};
