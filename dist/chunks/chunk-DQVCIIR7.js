import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{createRequire as e}from"node:module";var o;function r(){let t=process.getBuiltinModule;return o??=t?t("node:crypto"):e(import.meta.url)("node:crypto"),o}function n(){return r().createHash("sha256")}export{n as a};
