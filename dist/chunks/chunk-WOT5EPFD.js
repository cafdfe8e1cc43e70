import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{a as Le,b as jt,c as Ue,d as $e,e as ve,f as Ht,g as oe,h as zt,i as Ie,j as Kt,k as Wt,l as Yt,m as qt}from"./chunk-UOZK7M7G.js";import{e as jn}from"./chunk-KLCPWOBX.js";import{a as It,b as Vt,c as Mt,d as Gt}from"./chunk-F3UUQYFK.js";import{a as Lt,b as Ut}from"./chunk-SR72YJNB.js";import{h as Bt}from"./chunk-DPTMSO5Z.js";import{a as St,b as At,c as Pt}from"./chunk-S2HKDUIB.js";import{a as xt,b as Nt,f as Ft}from"./chunk-L2GQG7I3.js";import{f as Ct}from"./chunk-4UO4OFPV.js";import{b as Rt}from"./chunk-LASJT2EH.js";import{g as dt,h as pt,k as ht}from"./chunk-FV4LD2CV.js";import{a as $,b as _t,c as K,d as Dt,e as Tt}from"./chunk-6BYYATDF.js";import{a as Ot}from"./chunk-KRGSOFDO.js";import{a as gt,b as $t,c as vt,d as bt,e as kt,g as wt}from"./chunk-2SFTM3J3.js";import{a as De,b as Te}from"./chunk-6KOSI7CG.js";import{a as h,d as fe,e as ye,f as x,g as ge,h as Et}from"./chunk-4UKS4DP5.js";import{a as Fe,b as ut,c as _e,e as z,f as ft,i as yt}from"./chunk-HQ4Z2OWH.js";import{a as Pe}from"./chunk-AG56UVBL.js";import{a as st,c as at}from"./chunk-QNM43PQE.js";import{b as ct,f as mt}from"./chunk-PF7DSINC.js";import{e as Oe}from"./chunk-E7OM4CNV.js";import{g as f}from"./chunk-UJJLB23E.js";import{a as P,b as Xe,c as Ze,d as ce,f as Z,j as b,m as R,p as O,q as u,r as j,s as Qe,u as me,v as et,w as ue}from"./chunk-WUGFYBK7.js";import{A as te,C as it,D as S,E as lt,F as xe,G as Ne,I as ne,c as Q,d as tt,j as H,k as de,m as nt,n as pe,p as he,r as ee,s as Ae,t as ot,v as rt}from"./chunk-USKXCMLT.js";import{c as Mn,e as Gn}from"./chunk-VP7XJ47D.js";var fn=Mn((Nr,hn)=>{hn.exports=jn().default});var Jt=["helm","argocd","argocdhelm","flux","helmfile"];var Hn="^[A-Za-z0-9_][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*(/[A-Za-z0-9_][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*)*/?$",zn=Oe({deployer:{type:"enum",choices:Jt,choiceAliases:{"argocd-helm":"argocdhelm"},default:"helm",description:"Deployment method: helm, argocd, argocdhelm (or argocd-helm), flux or helmfile.",aliases:["-d"],placeholder:"<deployer>"},set:{type:"list",separator:"line",description:"Value overrides, one per line: component:path.to.key=value (the component name or a valueOverrideKeys alias such as gpuoperator).",placeholder:"<component:path=value>"},setJson:{type:"list",separator:"line",description:'List and object overrides, one per line: component:path=<json> (e.g. agentgateway:allowedSourceRanges=["10.0.0.0/8"]). Objects merge into the map at the path (null removes a key), lists and scalars replace; applied after set, and wins over set-file on the same path. Not for enabled.',placeholder:"<component:path=json>"},setFile:{type:"list",separator:"line",description:"Overrides read from files, one per line: component:path=<file> (one YAML or JSON value, at most 1 MiB; relative to the working directory, links may not lead out of it). Same merge rules as set-json.",placeholder:"<component:path=file>"},dynamic:{type:"list",separator:"line",description:`Values left to install time, one per line: component:path (e.g. alloy:clusterName). The path leaves the bundled values and waits, with its bundled value (or "") as default, in cluster-values.yaml (helm, helmfile), a ConfigMap the HelmRelease reads (flux) or the chart's values (argocdhelm); not with argocd.`,placeholder:"<component:path>"},systemNodeSelector:{type:"map",description:"Node selector for system components: key=value pairs.",placeholder:"<key=value>"},systemNodeToleration:{type:"list",description:"Tolerations for system components: key=value:effect or key:effect (default: tolerate every taint).",placeholder:"<key=value:effect>"},acceleratedNodeSelector:{type:"map",description:"Node selector for GPU node components: key=value pairs.",placeholder:"<key=value>"},acceleratedNodeToleration:{type:"list",description:"Tolerations for GPU node components: key=value:effect or key:effect (default: tolerate every taint).",placeholder:"<key=value:effect>"},workloadSelector:{type:"map",description:"Labels of workloads that node tuning must not interrupt: key=value pairs.",placeholder:"<key=value>"},workloadGate:{type:"string",description:"Taint that keeps workloads off GPU nodes until they are ready: key=value:effect or key:effect.",placeholder:"<key=value:effect>"},readinessHooks:{type:"bool",description:"Add a NNN-<component>-readiness chart after each component that ships components/<name>/readiness.yaml (a Chainsaw test): a Job that blocks the deployment until the component is really ready. helm, argocd and argocdhelm only."},nodes:{type:"int",min:0,max:Ct,default:0,description:"Estimated GPU node count, written to components that size themselves (0 leaves it unset)."},storageClass:{type:"string",description:"StorageClass written to the PVC values of components that declare storageClassPaths in the registry (replaces recipe values; a set override of the same path wins).",placeholder:"<name>"},sharedStorageClass:{type:"string",description:"RWX-capable StorageClass written to the shared-filesystem PVC values of components that declare sharedStorageClassPaths (a set override of the same path wins).",placeholder:"<name>"},vendorCharts:{type:"bool",description:"Download every chart the bundle installs into the bundle (NNN-<component>/charts/<chart>.tgz inside a wrapper chart), from an HTTP(S) chart repository (checked against its index digest) or an OCI registry (anonymous pull, checked against the layer digest), so deploying needs no chart repository; provenance.yaml records each chart's source, version and sha256. Each download has the AICR_REQUEST_TIMEOUT deadline (default 30 s for an index, 5 min for a chart)."},repo:{type:"string",description:"Git (or OCI) repository the bundle is pushed to, written into argocd, argocdhelm and flux output.",placeholder:"<url>"},repoPath:{type:"string",description:'Folder of the bundle inside that repository (e.g. clusters/prod; default: its root): argocd, argocdhelm and flux output points there. Relative, without "..".',placeholder:"<dir>"},targetRevision:{type:"string",default:"main",description:"Branch, tag or commit GitOps tools track.",placeholder:"<revision>"}}),Xt=Oe({recipe:{type:"string",defaults:{gitlab:"recipe.yaml"},description:"Recipe to bundle (file, https URL, cm://namespace/name or - for stdin), e.g. the recipe stage's output. Required, here or as spec.bundle.input.recipe of config.",aliases:["-r"],placeholder:"<file|url|cm://ns/name|->"},config:{type:"string",description:"AICRConfig file (YAML or JSON, a path or an https URL) whose spec.bundle gives options not given otherwise: given options win, lists and maps are replaced, not merged. Unknown fields are errors.",placeholder:"<file|url>"},...zn,output:{writes:!0,type:"string",default:"bundle",description:"Directory to write the bundle to; it must be new or empty unless force is set. A directory that another run fills while this one works is never replaced (exit 2).",aliases:["-o"],placeholder:"<dir>",regex:Hn},force:{type:"bool",description:'Replace the output directory when it holds an earlier, unchanged bundle: its checksums.txt lists README.md and recipe.yaml and matches every file exactly (nothing modified, missing or extra; no links or empty folders) and its README.md says "Generated by aicr bundle". Anything else is left untouched (exit 2).'},helmLint:{type:"bool",description:"Check every chart of the bundle with the runner's helm: helm lint --strict and helm template for generated charts, helm template from the repository for upstream charts; failures are annotated and fail the step.",absent:{cli:"run helm lint and helm template on the bundle's folders yourself; deploy.sh shows the commands",gitlab:"run helm lint and helm template on the bundle's folders in a job of your own"}},codequality:{writes:!0,type:"string",description:"Also write a GitLab Code Quality report of the registry's bundle-time validations (a blocker per finding that stops the bundle, minor per warning) to this file, also when a finding stops the bundle.",defaults:{gitlab:"gl-code-quality-bundle.json"},placeholder:"<file>",regex:"^[A-Za-z0-9._/-]+$",absent:{action:"a GitLab report format; GitHub shows the findings as annotations instead"}},...Lt,data:vt,kubeconfig:$t,summary:gt,...kt,...bt("aicr-bundle","deploy")}),Zt=st("bundle",{bundleDir:{description:"Directory the bundle was written to."},deployer:{description:"Deployer used (helm, argocd, argocdhelm, flux or helmfile)."},files:{description:"Number of files in the bundle, checksums.txt included."},checksumsPath:{description:"Path of the bundle's checksums.txt."},...Ut,...wt});var Kn=/^[A-Za-z0-9_./:@%+=-]+$/;function W(e,t=!1){return!t&&Kn.test(e)&&!e.startsWith("-")?e:`'${e.replaceAll("'","'\\''")}'`}function Qt(e){return e.replace(/[\u0000-\u001f\u007f]/g," ")}var Wn="application/vnd.oci.image.manifest.v1+json",en="application/vnd.cncf.helm.chart.content.v1.tar+gzip",Yn=4*1024*1024,qn=64*1024,Jn=64*1024*1024,Xn=5*6e4,tn=new Set(["localhost","127.0.0.1","[::1]"]),be=class extends Error{constructor(n){super("bearer challenge");this.header=n}header};function Zn(e){let t=/^\s*Bearer\s+(.*)$/i.exec(e);if(!t)return;let n={};for(let a of t[1].matchAll(/([A-Za-z]+)="([^"]*)"/g))n[a[1].toLowerCase()]=a[2];return n}async function nn(e,t,n,a,r){let o=new URL(e.replace(/^oci:\/\//,"https://").replace(/\/+$/,"")),i=tn.has(o.hostname),s=i?"http":"https",l=`${o.pathname.replace(/^\/+/,"")}${o.pathname.length>1?"/":""}${t}`,c=`${s}://${o.host}/v2/${l}`,m=n.replaceAll("+","_"),p=r.timeoutMs??Xn,g={input:a,timeoutMs:p,allowHttp:i,...r.interrupt?{interrupt:r.interrupt}:{}},d,k=async(I,Se,V,w)=>{let le=()=>z(I,{...g,maxBytes:V,what:w,headers:{accept:Se,...d?{authorization:d}:{}},onFailure:(C,X)=>{let Je=X.get("www-authenticate");if(C===401&&!d&&Je)throw new be(Je)}});try{return await le()}catch(C){if(!(C instanceof be))throw C;return d=await T(C.header,I),le()}},T=async(I,Se)=>{let V=Zn(I);if(!V?.realm)throw new O(R.Unauthorized,`${a}: ${b(Se)} wants credentials (${f(I)}); vendoring pulls anonymously`,{hint:"vendor from a registry that allows anonymous pulls, or bundle without vendor-charts"});let w=new URL(V.realm);if(w.protocol!=="https:"&&!(i&&w.protocol==="http:"&&tn.has(w.hostname)))throw u(`${a}: the registry's token service ${b(w)} is not https`,{hint:"a registry must hand out tokens over https"});V.service&&w.searchParams.set("service",V.service),w.searchParams.set("scope",V.scope??`repository:${l}:pull`);let le=await z(w,{...g,allowHttp:w.protocol==="http:",maxBytes:qn,what:"token answer",headers:{accept:"application/json"}}),C;try{C=JSON.parse(le.toString("utf8"))}catch{throw new O(R.Unavailable,`${a}: the token service ${b(w)} did not answer JSON`,{hint:"try again later"})}let X=typeof C.token=="string"?C.token:typeof C.access_token=="string"?C.access_token:void 0;if(!X||/[\r\n]/.test(X))throw new O(R.Unavailable,`${a}: the token service ${b(w)} gave no token`,{hint:"try again later"});return`Bearer ${X}`},y=new URL(`${c}/manifests/${encodeURIComponent(m)}`),v=(await k(y,Wn,Yn,"manifest")).toString("utf8"),ae;try{ae=JSON.parse(v)}catch{throw u(`${a}: ${b(y)} is not an OCI manifest (not JSON)`,{hint:"check that the repository holds Helm charts (helm push)"})}let ie=(ae.layers??[]).find(I=>I.mediaType===en),G=typeof ie?.digest=="string"?ie.digest:void 0;if(!G)throw j(`${a}: ${b(y)} has no Helm chart layer (${en})`,{hint:"check that the tag is a chart pushed with helm push"});if(!/^sha256:[a-f0-9]{64}$/.test(G))throw u(`${a}: ${b(y)} names the chart layer ${f(G)}, not a sha256 digest`,{hint:"the registry holds an unusual chart; tell whoever publishes it"});let Ce=new URL(`${c}/blobs/${G}`),qe=await k(Ce,"application/octet-stream",Jn,"chart"),Re=K(qe);if(`sha256:${Re}`!==G)throw u(`${a}: ${b(Ce)} has sha256 ${Re}, but the manifest names ${G}`,{hint:"something altered the chart in transit, or the registry is inconsistent; do not vendor it"});return{bytes:qe,tarballName:`${t}-${n}.tgz`,resolvedVersion:n,sha256:Re,shownUrl:b(Ce)}}var Qn=32*1024*1024,eo=64*1024*1024,to=3e4,no=5*6e4,ke=/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/,Ve=/^[a-zA-Z0-9][a-zA-Z0-9._+-]*$/;function oo(e){return new URL(e.replace(/\/+$/,"")+"/")}async function ro(e,t,n,a){await dt();let r;try{r=pt().parse(e,{maxAliasCount:100,uniqueKeys:!1})}catch(s){throw u(`${n}: ${a} is not valid YAML: ${s.message.split(`
`)[0]}`,{hint:"check that the URL is a Helm chart repository (helm repo index writes index.yaml)"})}let o=ge(r)&&ge(r.entries)?r.entries:void 0;if(!o)throw u(`${n}: ${a} has no entries map`,{hint:"check that the URL is a Helm chart repository (helm repo index writes index.yaml)"});let i=o[t];if(!Array.isArray(i))throw j(`${n}: the repository ${a.replace(/index\.yaml$/,"")} has no chart ${f(t)}`,{hint:"check the component's chart name and source in the recipe"});return i.filter(ge).map(s=>({version:typeof s.version=="string"?s.version:String(s.version??""),urls:Array.isArray(s.urls)?s.urls.filter(l=>typeof l=="string"):[],...typeof s.digest=="string"?{digest:s.digest}:{}}))}function so(e,t,n,a){let r=e.find(l=>l.version===n);if(r)return r;let o=Ue(n);if(o===void 0)throw u(`${a}: version ${f(n)} of chart ${f(t)} is not an exact version`,{hint:"pin the component to one chart version (e.g. 1.2.3) to vendor it"});let i=e.find(l=>Ue(l.version)===o);if(i)return i;let s=e.map(l=>l.version).slice(0,10).join(", ");throw j(`${a}: the repository index has no version ${f(n)} of chart ${f(t)}${s?` (it lists ${s}${e.length>10?", \u2026":""})`:""}`,{hint:"pin the component to a version the repository publishes"})}async function on(e,t,n,a,r){let o=oo(e),i=o.protocol==="http:",s=new URL("index.yaml",o),l=b(s),c={input:a,allowHttp:i,...r.interrupt?{interrupt:r.interrupt}:{}},m=(await z(s,{...c,maxBytes:Qn,timeoutMs:r.timeoutMs??to,what:"repository index"})).toString("utf8"),p=so(await ro(m,t,a,l),t,n,a),g=p.urls[0];if(g===void 0)throw j(`${a}: ${l} lists no tarball URL for ${t} ${p.version}`,{hint:"the repository index is incomplete; tell whoever publishes it"});let d;try{d=new URL(g,o)}catch{throw u(`${a}: ${l} lists a malformed tarball URL ${f(g)} for ${t} ${p.version}`,{hint:"the repository index is broken; tell whoever publishes it"})}let k=b(d);if(d.protocol!=="https:"&&!(i&&d.protocol==="http:"))throw u(`${a}: ${l} points ${t} ${p.version} at ${k}, which is not ${i?"http(s)":"https"}`,{hint:"a repository served over https must serve its charts over https too"});let T=decodeURIComponent(d.pathname.split("/").pop()??"");if(!ke.test(T)||!T.endsWith(".tgz"))throw u(`${a}: the tarball URL ${k} does not end in a plain <name>.tgz file name`,{hint:"the repository index is unusual; tell whoever publishes it"});let y=await z(d,{...c,maxBytes:eo,timeoutMs:r.timeoutMs??no,what:"chart"}),v=K(y);if(p.digest!==void 0&&p.digest.toLowerCase()!==v)throw new O(R.InvalidInput,`${a}: ${k} has sha256 ${v}, but ${l} lists digest ${f(p.digest)} for ${t} ${p.version}`,{hint:"the tarball changed after the index was written, or something altered it in transit; do not vendor it until the repository is consistent"});return{bytes:y,tarballName:T,resolvedVersion:p.version,sha256:v,shownUrl:k}}var sn="provenance.yaml",ao="aicr.run/v1",io=4;function lo(e){return e.folders.filter(t=>t.kind==="upstream"&&t.role==="primary"&&t.component.chart!==void 0)}function co(e){let t=e.component.chart,n=`${P("vendor-charts")}: component ${f(e.component.name)}`;if(t.oci){if(!/^oci:\/\/[A-Za-z0-9.[\]:-]+(\/[A-Za-z0-9._-]+)*\/?$/.test(t.repo))throw u(`${n}: ${f(t.repo)} is not an oci://host/path reference`,{hint:"use oci://<registry>/<path>, the chart name apart"})}else if(!/^https?:\/\//.test(t.repo))throw u(`${n}: repository ${f(t.repo)} is not an http(s) URL`,{hint:"use the chart repository URL (the one that serves index.yaml)"});if(!ke.test(t.name))throw u(`${n}: chart name ${f(t.name)} must match ${ke.source}`,{hint:"fix the component's chart name"});if(!t.version)throw u(`${n}: no chart version`,{hint:"pin the component to one chart version to vendor it"});if(!Ve.test(t.version))throw u(`${n}: version ${f(t.version)} must match ${Ve.source}`,{hint:"pin the component to one chart version (e.g. 1.2.3)"})}async function an(e,t){let n=lo(e);n.forEach(co);let a=new Array(n.length),r=0,o=async()=>{for(;r<n.length;){let i=r++,s=n[i],l=s.component.chart,c=`${P("vendor-charts")}: component ${f(s.component.name)}`,m=l.oci?await nn(l.repo,l.name,l.version,c,t):await on(l.repo,l.name,l.version,c,t);a[i]={record:{name:s.component.name,chart:l.name,version:l.version,repository:l.repo.replace(/^(https?:\/\/)[^@/]*@/,"$1"),sha256:m.sha256,tarballName:m.tarballName,pullerVersion:`aicr ${e.toolVersion}`},chartVersion:m.resolvedVersion,bytes:m.bytes}}};return await Promise.all(Array.from({length:Math.min(io,n.length)},o)),n.forEach((i,s)=>{i.kind="local",i.vendored=a[s]}),a.map(i=>i.record).sort((i,s)=>x(i.name,s.name))}function ln(e){return h({apiVersion:ao,kind:"BundleProvenance",vendoredCharts:e},{sortKeys:!0})}function cn(e){let t=e.vendored;return h({apiVersion:"v2",name:e.release,description:`Wrapper chart vendoring ${t.record.chart}@${rn(t)} for ${e.component.name}.`,type:"application",version:"0.1.0",appVersion:"0.1.0",dependencies:[{name:t.record.chart,version:rn(t),repository:""}]})}function rn(e){return e.record.version.replace(/^v/,"")||"0.1.0"}function mn(e){let t=e.component.values;return Object.keys(t).length===0?{}:{[e.vendored.record.chart]:t}}var Y=`# Generated by AICR bundle
---
`,E=class{files=[];paths=new Set;add(t,n,a=420){if(this.paths.has(t))throw Qe(`bundle file ${t} was generated twice`);this.paths.add(t),this.files.push({path:t,content:n,mode:a})}has(t){return this.paths.has(t)}};function Be(e){return Object.keys(e).length===0?Y:Y+h(e,{sortKeys:!0})}var un=new WeakMap;function mo(e){let t=un.get(e);return t===void 0&&un.set(e,t=Be(e.values)),t}function q(e){return e.role==="readiness"?{timeout:Le.text,timeoutSeconds:Le.seconds,retries:1,async:!1}:e.release==="kai-scheduler"?{timeout:"20m",timeoutSeconds:1200,retries:1,async:!0}:{timeout:"10m",timeoutSeconds:600,async:!1}}function A(e,t="default-source"){let n=e.toLowerCase().replace(/^(oci|https?|ssh):\/\//,"").replace(/^git@/,"").replace(/\/+$/,"").replace(/\.git$/,"");return n=n.replace(/[^a-z0-9-]+/g,"-").replace(/^-+|-+$/g,""),n=n.slice(0,63).replace(/-+$/,""),n===""?t:n}function uo(e){return e.includes("{{")?e.replaceAll("{{",'{{ "{{" }}'):e}function po(e){let t=e.component.chart,n=t.oci?`${t.repo.replace(/\/+$/,"")}/${t.name}`:t.name,a=t.oci?"":t.repo;return`CHART=${W(n,!0)}
REPO=${W(a,!0)}
VERSION=${W(t.version,!0)}
`}function ho(e,t){let n=e.component,a=e.role==="pre"?"manifests applied before":e.role==="post"?"manifests applied after":e.role==="readiness"?"readiness gate of":"manifests of";return h({apiVersion:"v2",name:e.release,description:`${a} the ${n.name} component (generated by aicr bundle ${t})`,type:"application",version:$e(n.ref.version),appVersion:n.ref.version||"0.1.0"})}function fo(e){let t=e.component.kustomize,n=`${t.repo}//${t.path}${t.tag?`?ref=${t.tag}`:""}`;return h({apiVersion:"kustomize.config.k8s.io/v1beta1",kind:"Kustomization",namespace:e.namespace,resources:[n]})}function L(e,t,n,a){let r=n.dir,o=mo(n.component);switch(n.kind){case"upstream":a.upstreamValues&&e.add(`${r}/values.yaml`,o),a.clusterValues&&e.add(`${r}/cluster-values.yaml`,Be(n.component.dynamicValues??{})),a.upstreamEnv&&e.add(`${r}/upstream.env`,po(n));break;case"local":if(n.vendored){e.add(`${r}/Chart.yaml`,cn(n)),e.add(`${r}/charts/${n.vendored.record.tarballName}`,n.vendored.bytes),e.add(`${r}/values.yaml`,Be(mn(n))),a.clusterValues&&e.add(`${r}/cluster-values.yaml`,Y);break}e.add(`${r}/Chart.yaml`,ho(n,t.toolVersion)),e.add(`${r}/values.yaml`,o),a.clusterValues&&e.add(`${r}/cluster-values.yaml`,Y);for(let i of n.manifests)e.add(`${r}/templates/${i.name}`,uo(i.content));break;case"kustomize":e.add(`${r}/kustomization.yaml`,fo(n));break}}function dn(e){return h(e.recipe,{sortKeys:!0})}function Me(e){let t=e.component.folders,n=t.indexOf(e);return n>0?t[n-1]:void 0}function we(e,t){let n=Me(t);if(n)return[n];let a=new Map(e.components.map(r=>[r.name,r]));return t.component.dependencies.map(r=>a.get(r)?.folders.at(-1)).filter(r=>r!==void 0).sort((r,o)=>r.index-o.index)}function Ge(e){let t=new Map(e.map(r=>[r.name,r])),n=new Map,a=(r,o)=>{let i=n.get(r.name);if(i!==void 0)return i;if(o.has(r.name))throw u(`circular dependency involving component "${r.name}"`,{hint:"fix dependencyRefs in the recipe"});o.add(r.name);let s=0;for(let l of r.dependencies){let c=t.get(l);c&&(s=Math.max(s,a(c,o)+1))}return o.delete(r.name),n.set(r.name,s),s};for(let r of e)a(r,new Set);return n}var pn={pre:0,primary:1,post:2,readiness:3},yo=Object.keys(pn).length;function Ee(e){let t=Ge(e.components);return new Map(e.folders.map(n=>[n,t.get(n.component.name)*yo+pn[n.role]]))}var $n=Gn(fn(),1);var yn={"deploy.sh":{0:function(e,t,n,a,r){var o,i=e.lookupProperty||function(s,l){if(Object.prototype.hasOwnProperty.call(s,l))return s[l]};return"  "+((o=i(n,"shq").call(t??(e.nullContext||{}),t,{name:"shq",hash:{always:!0},data:r,loc:{start:{line:56,column:2},end:{line:56,column:26}}}))!=null?o:"")+`
`},1:function(e,t,n,a,r){var o,i=t??(e.nullContext||{}),s=e.lookupProperty||function(l,c){if(Object.prototype.hasOwnProperty.call(l,c))return l[c]};return((o=s(n,"shq").call(i,t,{name:"shq",hash:{},data:r,loc:{start:{line:59,column:32},end:{line:59,column:44}}}))!=null?o:"")+((o=s(n,"unless").call(i,s(r,"last"),{name:"unless",hash:{},fn:e.program(2,r,0),inverse:e.noop,data:r,loc:{start:{line:59,column:44},end:{line:59,column:73}}}))!=null?o:"")},2:function(e,t,n,a,r){return" "},3:function(e,t,n,a,r){return`# After the DRA driver is installed its kubelet plugin must restart to register with the
# kubelet; failures only warn because the plugin also registers on its next restart.
post_install() {
  local release="$1" namespace="$2"
  [[ "\${release}" == "nvidia-dra-driver-gpu" ]] || return 0
  local daemonset
  # shellcheck disable=SC2086
  daemonset="$(kubectl get daemonsets -n "\${namespace}" \${KUBECONFIG_FLAG:-} -o name 2>/dev/null | grep kubelet-plugin | head -n 1 || true)"
  if [[ -z "\${daemonset}" ]]; then
    echo "WARNING: no DRA kubelet plugin daemonset found in \${namespace}"
    return 0
  fi
  # shellcheck disable=SC2086
  kubectl rollout restart "\${daemonset}" -n "\${namespace}" \${KUBECONFIG_FLAG:-} || echo "WARNING: could not restart \${daemonset}"
  # shellcheck disable=SC2086
  kubectl rollout status "\${daemonset}" -n "\${namespace}" --timeout=120s \${KUBECONFIG_FLAG:-} || echo "WARNING: \${daemonset} did not become ready within 120s"
}
`},4:function(e,t,n,a,r){return`post_install() {
  return 0
}
`},compiler:[8,">= 4.3.0"],main:function(e,t,n,a,r){var o,i=t??(e.nullContext||{}),s=e.lookupProperty||function(l,c){if(Object.prototype.hasOwnProperty.call(l,c))return l[c]};return`#!/usr/bin/env bash
# Deploys this bundle: runs each folder's install.sh in the numbered order, retrying failed
# releases with backoff. Generated by aicr bundle `+((o=s(n,"shComment").call(i,s(t,"toolVersion"),{name:"shComment",hash:{},data:r,loc:{start:{line:7,column:50},end:{line:7,column:75}}}))!=null?o:"")+" ("+((o=e.lambda(e.strict(t,"releaseCount",{start:{line:7,column:79},end:{line:7,column:91}}),t))!=null?o:"")+` releases).
#
# Usage: ./deploy.sh [--no-wait] [--best-effort] [--retries N] [--timeout DURATION] [--skip-preflight]
#   --no-wait         do not wait for resources to become ready (hook timeouts still apply)
#   --best-effort     keep going after a release fails; the exit status still reports the failure
#   --retries N       retries per release after the first attempt (default 5; 0 fails fast)
#   --timeout D       Helm timeout per release (default 10m; some releases need longer)
#   --skip-preflight  skip the cluster checks before installing (then no namespace is labelled
#                     as created by this bundle, and undeploy.sh keeps them all)
#
# Environment passed to every install.sh: DRY_RUN_FLAG, KUBECONFIG_FLAG, HELM_DEBUG_FLAG.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "\${BASH_SOURCE[0]}")" && pwd)"
NO_WAIT=false
BEST_EFFORT=false
MAX_RETRIES=5
DEFAULT_TIMEOUT=""
SKIP_PREFLIGHT=false

usage() {
  echo "Usage: ./deploy.sh [--no-wait] [--best-effort] [--retries N] [--timeout DURATION] [--skip-preflight]"
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-wait) NO_WAIT=true; shift ;;
    --best-effort) BEST_EFFORT=true; shift ;;
    --skip-preflight) SKIP_PREFLIGHT=true; shift ;;
    --retries)
      if [[ $# -lt 2 ]]; then echo "Error: --retries needs a value" >&2; usage >&2; exit 2; fi
      if ! [[ "$2" =~ ^[0-9]+$ ]]; then echo "Error: --retries needs a whole number >= 0, not '$2'" >&2; exit 2; fi
      MAX_RETRIES="$2"; shift 2 ;;
    --timeout)
      if [[ $# -lt 2 ]]; then echo "Error: --timeout needs a value" >&2; usage >&2; exit 2; fi
      if ! [[ "$2" =~ ^[0-9]+[smh]$ ]]; then echo "Error: --timeout needs a duration such as 10m, not '$2'" >&2; exit 2; fi
      DEFAULT_TIMEOUT="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Error: unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

export DRY_RUN_FLAG="\${DRY_RUN_FLAG:-}"
export KUBECONFIG_FLAG="\${KUBECONFIG_FLAG:-}"
export HELM_DEBUG_FLAG="\${HELM_DEBUG_FLAG:-}"

# folder, release, namespace, timeout, retries ("-" = --retries), wait mode
RELEASES=(
`+((o=s(n,"each").call(i,s(t,"rows"),{name:"each",hash:{},fn:e.program(0,r,0),inverse:e.noop,data:r,loc:{start:{line:55,column:0},end:{line:57,column:9}}}))!=null?o:"")+`)
NAMESPACES=(`+((o=s(n,"each").call(i,s(t,"namespaces"),{name:"each",hash:{},fn:e.program(1,r,0),inverse:e.noop,data:r,loc:{start:{line:59,column:12},end:{line:59,column:82}}}))!=null?o:"")+`)

# Helm runs from an empty directory so that no local folder can shadow a chart name.
HELM_WORKDIR="$(mktemp -d)"
trap 'rm -rf "\${HELM_WORKDIR}"' EXIT
trap 'rm -rf "\${HELM_WORKDIR}"; exit 130' INT TERM

backoff_seconds() {
  local seconds=$(( $1 * $1 * 5 ))
  if (( seconds > 120 )); then seconds=120; fi
  echo "\${seconds}"
}

# Helm leaves failed hook Jobs behind, and they block the next attempt.
cleanup_failed_hook_jobs() {
  local namespace="$1" job
  # shellcheck disable=SC2086
  for job in $(kubectl get jobs -n "\${namespace}" \${KUBECONFIG_FLAG:-} --field-selector status.successful=0 -o jsonpath='{range .items[?(@.metadata.annotations.helm\\.sh/hook)]}{.metadata.name}{" "}{end}' 2>/dev/null || true); do
    echo "  removing leftover Helm hook job \${namespace}/\${job}"
    # shellcheck disable=SC2086
    kubectl delete job "\${job}" -n "\${namespace}" --ignore-not-found \${KUBECONFIG_FLAG:-} >/dev/null 2>&1 || true
  done
}

`+((o=s(n,"if").call(i,s(t,"hasDra"),{name:"if",hash:{},fn:e.program(3,r,0),inverse:e.program(4,r,0),data:r,loc:{start:{line:83,column:0},end:{line:105,column:7}}}))!=null?o:"")+`
# Namespaces that did not exist before this run (space-separated, padded). Once a release in one
# was installed, it gets the label below: undeploy.sh deletes only namespaces carrying it (and
# PVCs only inside them), never one that was there before. Keep it in step with undeploy.sh.hbs.
NEW_NAMESPACES=" "
CREATED_LABEL="aicr.nvidia.com/created-by=aicr-bundle"

mark_created_namespace() {
  local namespace="$1"
  if [[ -n "\${DRY_RUN_FLAG}" || "\${NEW_NAMESPACES}" != *" \${namespace} "* ]]; then return 0; fi
  # shellcheck disable=SC2086
  if kubectl label namespace "\${namespace}" "\${CREATED_LABEL}" --overwrite \${KUBECONFIG_FLAG:-} >/dev/null 2>&1; then
    NEW_NAMESPACES="\${NEW_NAMESPACES/ \${namespace} / }"
  fi
}

preflight() {
  local failed=false ns phase
  echo "Running pre-flight checks..."
  for ns in "\${NAMESPACES[@]}"; do
    # shellcheck disable=SC2086
    phase="$(kubectl get namespace "\${ns}" \${KUBECONFIG_FLAG:-} -o jsonpath='{.status.phase}' 2>/dev/null || true)"
    if [[ -z "\${phase}" ]]; then NEW_NAMESPACES+="\${ns} "; fi
    if [[ "\${phase}" == "Terminating" ]]; then
      echo "ERROR: namespace \${ns} is still terminating; wait for it to go away before deploying."
      failed=true
    fi
  done
  if [[ "\${failed}" == "true" ]]; then
    echo "Pre-flight checks failed (use --skip-preflight to bypass)."
    exit 1
  fi
  echo "Pre-flight checks passed."
}

if [[ "\${SKIP_PREFLIGHT}" != "true" ]]; then
  preflight
fi

FAILED=()
cd "\${HELM_WORKDIR}"
for entry in "\${RELEASES[@]}"; do
  read -r dir release namespace timeout retries mode <<<"\${entry}"
  if [[ -n "\${DEFAULT_TIMEOUT}" && "\${timeout}" == "10m" ]]; then timeout="\${DEFAULT_TIMEOUT}"; fi
  if [[ "\${retries}" == "-" ]]; then retries="\${MAX_RETRIES}"; fi
  if [[ "\${NO_WAIT}" == "true" || "\${mode}" == "async" ]]; then
    COMPONENT_WAIT_ARGS="--timeout \${timeout}"
  else
    COMPONENT_WAIT_ARGS="--wait --timeout \${timeout}"
  fi
  export COMPONENT_WAIT_ARGS
  echo "Installing \${release} into \${namespace} (\${dir})..."
  attempt=0
  until bash "\${SCRIPT_DIR}/\${dir}/install.sh"; do
    mark_created_namespace "\${namespace}"
    attempt=$((attempt + 1))
    if (( attempt > retries )); then
      echo "ERROR: \${release} failed after \${attempt} attempt(s)"
      FAILED+=("\${release}")
      if [[ "\${BEST_EFFORT}" != "true" ]]; then
        exit 1
      fi
      break
    fi
    cleanup_failed_hook_jobs "\${namespace}"
    delay="$(backoff_seconds "\${attempt}")"
    echo "RETRY: \${release} failed (attempt \${attempt} of $((retries + 1))), retrying in \${delay}s..."
    sleep "\${delay}"
  done
  mark_created_namespace "\${namespace}"
  post_install "\${release}" "\${namespace}"
done

if (( \${#FAILED[@]} > 0 )); then
  echo "Deployment finished with failures: \${FAILED[*]}"
  exit 1
fi
echo "Deployment complete."
echo "Note: Helm reporting success does not mean GPU workloads can run yet; operators keep"
echo "reconciling (driver rollout, node tuning, device plugin registration) after this script ends."
`},useData:!0},"folder-readme.md":{0:function(e,t,n,a,r){var o,i=t??(e.nullContext||{}),s=e.lookupProperty||function(l,c){if(Object.prototype.hasOwnProperty.call(l,c))return l[c]};return"Installs chart "+((o=s(n,"mdCode").call(i,s(t,"chartName"),{name:"mdCode",hash:{},data:r,loc:{start:{line:11,column:15},end:{line:11,column:35}}}))!=null?o:"")+" version "+((o=s(n,"mdCode").call(i,s(t,"chartVersion"),{name:"mdCode",hash:{},data:r,loc:{start:{line:11,column:44},end:{line:11,column:67}}}))!=null?o:"")+" from "+((o=s(n,"mdCode").call(i,s(t,"chartRepo"),{name:"mdCode",hash:{},data:r,loc:{start:{line:11,column:73},end:{line:11,column:93}}}))!=null?o:"")+`.
`},1:function(e,t,n,a,r){var o,i=t??(e.nullContext||{}),s=e.lookupProperty||function(l,c){if(Object.prototype.hasOwnProperty.call(l,c))return l[c]};return"A wrapper chart generated by the bundler around chart "+((o=s(n,"mdCode").call(i,s(t,"chartName"),{name:"mdCode",hash:{},data:r,loc:{start:{line:14,column:54},end:{line:14,column:74}}}))!=null?o:"")+" version "+((o=s(n,"mdCode").call(i,s(t,"chartVersion"),{name:"mdCode",hash:{},data:r,loc:{start:{line:14,column:83},end:{line:14,column:106}}}))!=null?o:"")+" from "+((o=s(n,"mdCode").call(i,s(t,"chartRepo"),{name:"mdCode",hash:{},data:r,loc:{start:{line:14,column:112},end:{line:14,column:132}}}))!=null?o:"")+", downloaded when the bundle was generated: "+((o=s(n,"mdCode").call(i,s(t,"tarball"),{name:"mdCode",hash:{},data:r,loc:{start:{line:14,column:176},end:{line:14,column:194}}}))!=null?o:"")+" (sha256 "+((o=s(n,"mdCode").call(i,s(t,"sha256"),{name:"mdCode",hash:{},data:r,loc:{start:{line:14,column:203},end:{line:14,column:220}}}))!=null?o:"")+", also in `provenance.yaml`). Installing it needs no chart repository. Its values sit under the key "+((o=s(n,"mdCode").call(i,s(t,"chartName"),{name:"mdCode",hash:{},data:r,loc:{start:{line:14,column:320},end:{line:14,column:340}}}))!=null?o:"")+`, as a wrapper chart passes them on.
`},2:function(e,t,n,a,r){var o,i=t??(e.nullContext||{}),s=e.lookupProperty||function(l,c){if(Object.prototype.hasOwnProperty.call(l,c))return l[c]};return"A chart generated by the bundler around "+((o=s(n,"if").call(i,s(t,"pre"),{name:"if",hash:{},fn:e.program(3,r,0),inverse:e.noop,data:r,loc:{start:{line:17,column:40},end:{line:17,column:112}}}))!=null?o:"")+((o=s(n,"if").call(i,s(t,"post"),{name:"if",hash:{},fn:e.program(4,r,0),inverse:e.noop,data:r,loc:{start:{line:17,column:112},end:{line:17,column:195}}}))!=null?o:"")+((o=s(n,"if").call(i,s(t,"primary"),{name:"if",hash:{},fn:e.program(5,r,0),inverse:e.noop,data:r,loc:{start:{line:17,column:195},end:{line:17,column:242}}}))!=null?o:"")+`:

`+((o=s(n,"each").call(i,s(t,"manifests"),{name:"each",hash:{},fn:e.program(6,r,0),inverse:e.noop,data:r,loc:{start:{line:19,column:0},end:{line:21,column:9}}}))!=null?o:"")+`
The manifests were rendered with the component values when the bundle was generated; edit them here, or change values and regenerate.
`},3:function(e,t,n,a,r){return"manifests that must exist before the component's chart"},4:function(e,t,n,a,r){return"manifests that need the component's chart (its CRDs or services)"},5:function(e,t,n,a,r){return"the component's manifests"},6:function(e,t,n,a,r){var o,i=t??(e.nullContext||{}),s=e.lookupProperty||function(l,c){if(Object.prototype.hasOwnProperty.call(l,c))return l[c]};return"- "+((o=s(n,"mdCode").call(i,s(t,"path"),{name:"mdCode",hash:{},data:r,loc:{start:{line:20,column:2},end:{line:20,column:17}}}))!=null?o:"")+" (from "+((o=s(n,"mdCode").call(i,s(t,"source"),{name:"mdCode",hash:{},data:r,loc:{start:{line:20,column:24},end:{line:20,column:41}}}))!=null?o:"")+`)
`},7:function(e,t,n,a,r){var o,i=t??(e.nullContext||{}),s=e.lookupProperty||function(l,c){if(Object.prototype.hasOwnProperty.call(l,c))return l[c]};return"Applies the kustomization "+((o=s(n,"mdCode").call(i,s(t,"path"),{name:"mdCode",hash:{},data:r,loc:{start:{line:26,column:26},end:{line:26,column:41}}}))!=null?o:"")+" of "+((o=s(n,"mdCode").call(i,s(t,"repo"),{name:"mdCode",hash:{},data:r,loc:{start:{line:26,column:45},end:{line:26,column:60}}}))!=null?o:"")+((o=s(n,"if").call(i,s(t,"tag"),{name:"if",hash:{},fn:e.program(8,r,0),inverse:e.noop,data:r,loc:{start:{line:26,column:60},end:{line:26,column:96}}}))!=null?o:"")+`.
`},8:function(e,t,n,a,r){var o,i=e.lookupProperty||function(s,l){if(Object.prototype.hasOwnProperty.call(s,l))return s[l]};return" at "+((o=i(n,"mdCode").call(t??(e.nullContext||{}),i(t,"tag"),{name:"mdCode",hash:{},data:r,loc:{start:{line:26,column:75},end:{line:26,column:89}}}))!=null?o:"")},compiler:[8,">= 4.3.0"],main:function(e,t,n,a,r){var o,i=t??(e.nullContext||{}),s=e.strict,l=e.lambda,c=e.lookupProperty||function(m,p){if(Object.prototype.hasOwnProperty.call(m,p))return m[p]};return"# "+((o=c(n,"mdText").call(i,c(t,"dir"),{name:"mdText",hash:{},data:r,loc:{start:{line:6,column:2},end:{line:6,column:16}}}))!=null?o:"")+`

Release `+((o=c(n,"mdCode").call(i,c(t,"release"),{name:"mdCode",hash:{},data:r,loc:{start:{line:8,column:8},end:{line:8,column:26}}}))!=null?o:"")+" of component "+((o=c(n,"mdCode").call(i,c(t,"component"),{name:"mdCode",hash:{},data:r,loc:{start:{line:8,column:40},end:{line:8,column:60}}}))!=null?o:"")+" in namespace "+((o=c(n,"mdCode").call(i,c(t,"namespace"),{name:"mdCode",hash:{},data:r,loc:{start:{line:8,column:74},end:{line:8,column:94}}}))!=null?o:"")+`.

`+((o=c(n,"if").call(i,c(t,"upstream"),{name:"if",hash:{},fn:e.program(0,r,0),inverse:e.noop,data:r,loc:{start:{line:10,column:0},end:{line:12,column:7}}}))!=null?o:"")+((o=c(n,"if").call(i,c(t,"vendored"),{name:"if",hash:{},fn:e.program(1,r,0),inverse:e.noop,data:r,loc:{start:{line:13,column:0},end:{line:15,column:7}}}))!=null?o:"")+((o=c(n,"if").call(i,c(t,"local"),{name:"if",hash:{},fn:e.program(2,r,0),inverse:e.noop,data:r,loc:{start:{line:16,column:0},end:{line:24,column:7}}}))!=null?o:"")+((o=c(n,"if").call(i,c(t,"kustomize"),{name:"if",hash:{},fn:e.program(7,r,0),inverse:e.noop,data:r,loc:{start:{line:25,column:0},end:{line:27,column:7}}}))!=null?o:"")+`
Step `+((o=l(s(t,"step",{start:{line:29,column:7},end:{line:29,column:11}}),t))!=null?o:"")+" of "+((o=l(s(t,"total",{start:{line:29,column:19},end:{line:29,column:24}}),t))!=null?o:"")+`.

## Install

`+((o=l(s(t,"install",{start:{line:33,column:2},end:{line:33,column:9}}),t))!=null?o:"")+`
`},useData:!0},"install.sh":{0:function(e,t,n,a,r){return" (manifests applied before the chart)"},1:function(e,t,n,a,r){return" (manifests applied after the chart)"},2:function(e,t,n,a,r){var o,i=t??(e.nullContext||{}),s=e.lookupProperty||function(l,c){if(Object.prototype.hasOwnProperty.call(l,c))return l[c]};return`# shellcheck source=/dev/null
source ./upstream.env

force_args=()
case "$(helm version --template '{{.Version}}' 2>/dev/null || true)" in
  v[4-9]*) force_args+=(--force-conflicts) ;;
esac
repo_args=()
if [[ -n "\${REPO}" ]]; then
  repo_args+=(--repo "\${REPO}")
fi

# shellcheck disable=SC2086 # the optional flags are meant to split into words
helm upgrade --install \${force_args[@]+"\${force_args[@]}"} `+((o=s(n,"shq").call(i,s(t,"release"),{name:"shq",hash:{},data:r,loc:{start:{line:33,column:59},end:{line:33,column:74}}}))!=null?o:"")+' "${CHART}" ${repo_args[@]+"${repo_args[@]}"} \\\n  --version="${VERSION}" \\\n  --namespace '+((o=s(n,"shq").call(i,s(t,"namespace"),{name:"shq",hash:{},data:r,loc:{start:{line:35,column:14},end:{line:35,column:31}}}))!=null?o:"")+" --create-namespace \\\n  -f values.yaml -f cluster-values.yaml \\\n  ${COMPONENT_WAIT_ARGS:-} ${DRY_RUN_FLAG:-} ${KUBECONFIG_FLAG:-} ${HELM_DEBUG_FLAG:-}\n"},3:function(e,t,n,a,r){var o,i=t??(e.nullContext||{}),s=e.lookupProperty||function(l,c){if(Object.prototype.hasOwnProperty.call(l,c))return l[c]};return`force_args=()
case "$(helm version --template '{{.Version}}' 2>/dev/null || true)" in
  v[4-9]*) force_args+=(--force-conflicts) ;;
esac

# shellcheck disable=SC2086 # the optional flags are meant to split into words
helm upgrade --install \${force_args[@]+"\${force_args[@]}"} `+((o=s(n,"shq").call(i,s(t,"release"),{name:"shq",hash:{},data:r,loc:{start:{line:46,column:59},end:{line:46,column:74}}}))!=null?o:"")+` ./ \\
  --namespace `+((o=s(n,"shq").call(i,s(t,"namespace"),{name:"shq",hash:{},data:r,loc:{start:{line:47,column:14},end:{line:47,column:31}}}))!=null?o:"")+((o=s(n,"unless").call(i,s(t,"ownsNamespace"),{name:"unless",hash:{},fn:e.program(4,r,0),inverse:e.noop,data:r,loc:{start:{line:47,column:31},end:{line:47,column:86}}}))!=null?o:"")+" \\\n  -f values.yaml -f cluster-values.yaml \\\n  ${COMPONENT_WAIT_ARGS:-} ${DRY_RUN_FLAG:-} ${KUBECONFIG_FLAG:-} ${HELM_DEBUG_FLAG:-}\n"},4:function(e,t,n,a,r){return" --create-namespace"},5:function(e,t,n,a,r){var o,i=e.lookupProperty||function(s,l){if(Object.prototype.hasOwnProperty.call(s,l))return s[l]};return`# shellcheck disable=SC2086 # the optional flags are meant to split into words
kubectl create namespace `+((o=i(n,"shq").call(t??(e.nullContext||{}),i(t,"namespace"),{name:"shq",hash:{},data:r,loc:{start:{line:53,column:25},end:{line:53,column:42}}}))!=null?o:"")+" --dry-run=client -o yaml | kubectl apply ${KUBECONFIG_FLAG:-} -f -\n# shellcheck disable=SC2086\nkubectl apply --server-side -k . ${KUBECONFIG_FLAG:-} ${DRY_RUN_FLAG:-}\n"},compiler:[8,">= 4.3.0"],main:function(e,t,n,a,r){var o,i=t??(e.nullContext||{}),s=e.lookupProperty||function(l,c){if(Object.prototype.hasOwnProperty.call(l,c))return l[c]};return`#!/usr/bin/env bash
# Installs or upgrades release `+((o=s(n,"shComment").call(i,s(t,"release"),{name:"shComment",hash:{},data:r,loc:{start:{line:6,column:31},end:{line:6,column:52}}}))!=null?o:"")+" of component "+((o=s(n,"shComment").call(i,s(t,"component"),{name:"shComment",hash:{},data:r,loc:{start:{line:6,column:66},end:{line:6,column:89}}}))!=null?o:"")+((o=s(n,"if").call(i,s(t,"pre"),{name:"if",hash:{},fn:e.program(0,r,0),inverse:e.noop,data:r,loc:{start:{line:6,column:89},end:{line:6,column:144}}}))!=null?o:"")+((o=s(n,"if").call(i,s(t,"post"),{name:"if",hash:{},fn:e.program(1,r,0),inverse:e.noop,data:r,loc:{start:{line:6,column:144},end:{line:6,column:199}}}))!=null?o:"")+`
# in namespace `+((o=s(n,"shComment").call(i,s(t,"namespace"),{name:"shComment",hash:{},data:r,loc:{start:{line:7,column:15},end:{line:7,column:38}}}))!=null?o:"")+". Generated by aicr bundle "+((o=s(n,"shComment").call(i,s(t,"toolVersion"),{name:"shComment",hash:{},data:r,loc:{start:{line:7,column:65},end:{line:7,column:90}}}))!=null?o:"")+`: edit values.yaml or
# cluster-values.yaml rather than this script.
#
# Optional environment, each split into words (deploy.sh sets COMPONENT_WAIT_ARGS):
#   COMPONENT_WAIT_ARGS  e.g. "--wait --timeout 10m"
#   DRY_RUN_FLAG         e.g. "--dry-run=server"
#   KUBECONFIG_FLAG      e.g. "--kubeconfig /path/to/kubeconfig"
#   HELM_DEBUG_FLAG      e.g. "--debug"
set -euo pipefail
cd "$(dirname "\${BASH_SOURCE[0]}")"

`+((o=s(n,"if").call(i,s(t,"upstream"),{name:"if",hash:{},fn:e.program(2,r,0),inverse:e.noop,data:r,loc:{start:{line:18,column:0},end:{line:38,column:7}}}))!=null?o:"")+((o=s(n,"if").call(i,s(t,"local"),{name:"if",hash:{},fn:e.program(3,r,0),inverse:e.noop,data:r,loc:{start:{line:39,column:0},end:{line:50,column:7}}}))!=null?o:"")+((o=s(n,"if").call(i,s(t,"kustomize"),{name:"if",hash:{},fn:e.program(5,r,0),inverse:e.noop,data:r,loc:{start:{line:51,column:0},end:{line:56,column:7}}}))!=null?o:"")},useData:!0},"readme.md":{0:function(e,t,n,a,r){var o,i=e.lookupProperty||function(s,l){if(Object.prototype.hasOwnProperty.call(s,l))return s[l]};return`## Target

`+((o=i(n,"each").call(t??(e.nullContext||{}),i(t,"criteria"),{name:"each",hash:{},fn:e.program(1,r,0),inverse:e.noop,data:r,loc:{start:{line:15,column:0},end:{line:17,column:9}}}))!=null?o:"")+`
`},1:function(e,t,n,a,r){var o,i=t??(e.nullContext||{}),s=e.lookupProperty||function(l,c){if(Object.prototype.hasOwnProperty.call(l,c))return l[c]};return"- "+((o=s(n,"mdText").call(i,s(t,"key"),{name:"mdText",hash:{},data:r,loc:{start:{line:16,column:2},end:{line:16,column:16}}}))!=null?o:"")+": "+((o=s(n,"mdText").call(i,s(t,"value"),{name:"mdText",hash:{},data:r,loc:{start:{line:16,column:18},end:{line:16,column:34}}}))!=null?o:"")+`
`},2:function(e,t,n,a,r){var o,i=t??(e.nullContext||{}),s=e.lookupProperty||function(l,c){if(Object.prototype.hasOwnProperty.call(l,c))return l[c]};return"| "+((o=s(n,"mdCell").call(i,s(t,"dir"),{name:"mdCell",hash:{},data:r,loc:{start:{line:27,column:2},end:{line:27,column:16}}}))!=null?o:"")+" | "+((o=s(n,"mdCell").call(i,s(t,"release"),{name:"mdCell",hash:{},data:r,loc:{start:{line:27,column:19},end:{line:27,column:37}}}))!=null?o:"")+" | "+((o=s(n,"mdCell").call(i,s(t,"component"),{name:"mdCell",hash:{},data:r,loc:{start:{line:27,column:40},end:{line:27,column:60}}}))!=null?o:"")+" | "+((o=s(n,"mdCell").call(i,s(t,"version"),{name:"mdCell",hash:{},data:r,loc:{start:{line:27,column:63},end:{line:27,column:81}}}))!=null?o:"")+" | "+((o=s(n,"mdCell").call(i,s(t,"namespace"),{name:"mdCell",hash:{},data:r,loc:{start:{line:27,column:84},end:{line:27,column:104}}}))!=null?o:"")+" | "+((o=s(n,"mdCell").call(i,s(t,"source"),{name:"mdCell",hash:{},data:r,loc:{start:{line:27,column:107},end:{line:27,column:124}}}))!=null?o:"")+` |
`},3:function(e,t,n,a,r){var o,i=e.lookupProperty||function(s,l){if(Object.prototype.hasOwnProperty.call(s,l))return s[l]};return`## Constraints

The cluster should satisfy (check with \`aicr validate\`):

| Constraint | Expected |
|---|---|
`+((o=i(n,"each").call(t??(e.nullContext||{}),i(t,"constraints"),{name:"each",hash:{},fn:e.program(4,r,0),inverse:e.noop,data:r,loc:{start:{line:37,column:0},end:{line:39,column:9}}}))!=null?o:"")+`
`},4:function(e,t,n,a,r){var o,i=t??(e.nullContext||{}),s=e.lookupProperty||function(l,c){if(Object.prototype.hasOwnProperty.call(l,c))return l[c]};return"| "+((o=s(n,"mdCell").call(i,s(t,"name"),{name:"mdCell",hash:{},data:r,loc:{start:{line:38,column:2},end:{line:38,column:17}}}))!=null?o:"")+" | "+((o=s(n,"mdCell").call(i,s(t,"value"),{name:"mdCell",hash:{},data:r,loc:{start:{line:38,column:20},end:{line:38,column:36}}}))!=null?o:"")+` |
`},5:function(e,t,n,a,r){var o,i=e.lookupProperty||function(s,l){if(Object.prototype.hasOwnProperty.call(s,l))return s[l]};return`## Notes

`+((o=i(n,"each").call(t??(e.nullContext||{}),i(t,"notes"),{name:"each",hash:{},fn:e.program(6,r,0),inverse:e.noop,data:r,loc:{start:{line:45,column:0},end:{line:47,column:9}}}))!=null?o:"")+`
`},6:function(e,t,n,a,r){var o,i=e.lookupProperty||function(s,l){if(Object.prototype.hasOwnProperty.call(s,l))return s[l]};return"- "+((o=i(n,"mdText").call(t??(e.nullContext||{}),t,{name:"mdText",hash:{},data:r,loc:{start:{line:46,column:2},end:{line:46,column:17}}}))!=null?o:"")+`
`},compiler:[8,">= 4.3.0"],main:function(e,t,n,a,r){var o,i=e.strict,s=e.lambda,l=t??(e.nullContext||{}),c=e.lookupProperty||function(m,p){if(Object.prototype.hasOwnProperty.call(m,p))return m[p]};return"# "+((o=s(i(t,"title",{start:{line:6,column:4},end:{line:6,column:9}}),t))!=null?o:"")+`

Generated by aicr bundle `+((o=c(n,"mdText").call(l,c(t,"toolVersion"),{name:"mdText",hash:{},data:r,loc:{start:{line:8,column:25},end:{line:8,column:47}}}))!=null?o:"")+" (deployer: "+((o=c(n,"mdText").call(l,c(t,"deployer"),{name:"mdText",hash:{},data:r,loc:{start:{line:8,column:59},end:{line:8,column:78}}}))!=null?o:"")+") from a recipe of version "+((o=c(n,"mdText").call(l,c(t,"recipeVersion"),{name:"mdText",hash:{},data:r,loc:{start:{line:8,column:105},end:{line:8,column:129}}}))!=null?o:"")+`.

`+((o=s(i(t,"intro",{start:{line:10,column:2},end:{line:10,column:7}}),t))!=null?o:"")+`

`+((o=c(n,"if").call(l,c(t,"criteria"),{name:"if",hash:{},fn:e.program(0,r,0),inverse:e.noop,data:r,loc:{start:{line:12,column:0},end:{line:19,column:7}}}))!=null?o:"")+`## Components

Deployed in this order, one numbered folder per release:

| Folder | Release | Component | Version | Namespace | Source |
|---|---|---|---|---|---|
`+((o=c(n,"each").call(l,c(t,"folders"),{name:"each",hash:{},fn:e.program(2,r,0),inverse:e.noop,data:r,loc:{start:{line:26,column:0},end:{line:28,column:9}}}))!=null?o:"")+`
`+((o=c(n,"if").call(l,c(t,"constraints"),{name:"if",hash:{},fn:e.program(3,r,0),inverse:e.noop,data:r,loc:{start:{line:30,column:0},end:{line:41,column:7}}}))!=null?o:"")+((o=c(n,"if").call(l,c(t,"notes"),{name:"if",hash:{},fn:e.program(5,r,0),inverse:e.noop,data:r,loc:{start:{line:42,column:0},end:{line:49,column:7}}}))!=null?o:"")+`## Deploy

`+((o=s(i(t,"deploy",{start:{line:52,column:2},end:{line:52,column:8}}),t))!=null?o:"")+`

## Change values

`+((o=s(i(t,"customize",{start:{line:56,column:2},end:{line:56,column:11}}),t))!=null?o:"")+`

## Remove

`+((o=s(i(t,"remove",{start:{line:60,column:2},end:{line:60,column:8}}),t))!=null?o:"")+`

## Check the bundle

\`checksums.txt\` lists the SHA-256 of every other file. Before deploying a copy, check that
nothing was changed, removed or added:

\`\`\`bash
aicr verify .            # reports modified, missing and unlisted files
sha256sum -c checksums.txt
\`\`\`

\`recipe.yaml\` is the recipe this bundle was generated from (disabled components removed).
`},useData:!0},"undeploy.sh":{0:function(e,t,n,a,r){var o,i=e.lookupProperty||function(s,l){if(Object.prototype.hasOwnProperty.call(s,l))return s[l]};return"  "+((o=i(n,"shq").call(t??(e.nullContext||{}),t,{name:"shq",hash:{always:!0},data:r,loc:{start:{line:43,column:2},end:{line:43,column:26}}}))!=null?o:"")+`
`},1:function(e,t,n,a,r){var o,i=t??(e.nullContext||{}),s=e.lookupProperty||function(l,c){if(Object.prototype.hasOwnProperty.call(l,c))return l[c]};return((o=s(n,"shq").call(i,t,{name:"shq",hash:{},data:r,loc:{start:{line:47,column:32},end:{line:47,column:44}}}))!=null?o:"")+((o=s(n,"unless").call(i,s(r,"last"),{name:"unless",hash:{},fn:e.program(2,r,0),inverse:e.noop,data:r,loc:{start:{line:47,column:44},end:{line:47,column:73}}}))!=null?o:"")},2:function(e,t,n,a,r){return" "},compiler:[8,">= 4.3.0"],main:function(e,t,n,a,r){var o,i=t??(e.nullContext||{}),s=e.lookupProperty||function(l,c){if(Object.prototype.hasOwnProperty.call(l,c))return l[c]};return`#!/usr/bin/env bash
# Removes what deploy.sh installed: releases in reverse order, then the namespaces deploy.sh created.
# Generated by aicr bundle `+((o=s(n,"shComment").call(i,s(t,"toolVersion"),{name:"shComment",hash:{},data:r,loc:{start:{line:8,column:27},end:{line:8,column:52}}}))!=null?o:"")+`. Only this bundle's releases, and namespaces
# and PVCs inside namespaces deploy.sh created, are touched:
# - a namespace counts as created by this bundle when it is one of the bundle's namespaces and
#   deploy.sh labelled it aicr.nvidia.com/created-by=aicr-bundle (it labels those that did not
#   exist before it ran; with --skip-preflight it looks at none and labels none);
# - kube-system, kube-public, kube-node-lease and default are never deleted or emptied;
# - --delete-pvcs deletes only PVCs labelled app.kubernetes.io/instance=<release> of the bundle's
#   Helm releases, in namespaces this bundle created: never a whole namespace's PVCs.
#
# Usage: ./undeploy.sh [--keep-namespaces] [--delete-pvcs] [--timeout SECONDS]
#   --keep-namespaces  leave the namespaces in place
#   --delete-pvcs      delete the PVCs of the bundle's releases (data is lost)
#   --timeout SECONDS  Helm uninstall timeout per release (default 120)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "\${BASH_SOURCE[0]}")" && pwd)"
KEEP_NAMESPACES=false
DELETE_PVCS=false
TIMEOUT=120

while [[ $# -gt 0 ]]; do
  case "$1" in
    --keep-namespaces) KEEP_NAMESPACES=true; shift ;;
    --delete-pvcs) DELETE_PVCS=true; shift ;;
    --timeout)
      if [[ $# -lt 2 || ! "$2" =~ ^[0-9]+$ ]]; then echo "Error: --timeout needs a number of seconds" >&2; exit 2; fi
      TIMEOUT="$2"; shift 2 ;;
    -h|--help) echo "Usage: ./undeploy.sh [--keep-namespaces] [--delete-pvcs] [--timeout SECONDS]"; exit 0 ;;
    *) echo "Error: unknown option: $1" >&2; exit 2 ;;
  esac
done

# folder, release, namespace, kind
RELEASES=(
`+((o=s(n,"each").call(i,s(t,"rows"),{name:"each",hash:{},fn:e.program(0,r,0),inverse:e.noop,data:r,loc:{start:{line:42,column:0},end:{line:44,column:9}}}))!=null?o:"")+`)
# Reverse order of first use.
NAMESPACES=(`+((o=s(n,"each").call(i,s(t,"namespaces"),{name:"each",hash:{},fn:e.program(1,r,0),inverse:e.noop,data:r,loc:{start:{line:47,column:12},end:{line:47,column:82}}}))!=null?o:"")+`)
PROTECTED_NAMESPACES=" kube-system kube-public kube-node-lease default "

# The namespaces this bundle created (space-separated, padded), decided before anything is removed.
OWNED_NAMESPACES=" "
for ns in "\${NAMESPACES[@]}"; do
  if [[ "\${PROTECTED_NAMESPACES}" == *" \${ns} "* ]]; then continue; fi
  # shellcheck disable=SC2086
  mark="$(kubectl get namespace "\${ns}" \${KUBECONFIG_FLAG:-} -o jsonpath='{.metadata.labels.aicr\\.nvidia\\.com/created-by}' 2>/dev/null || true)"
  if [[ "\${mark}" == "aicr-bundle" ]]; then OWNED_NAMESPACES+="\${ns} "; fi
done

FAILED=()
for (( i=\${#RELEASES[@]}-1; i>=0; i-- )); do
  read -r dir release namespace kind <<<"\${RELEASES[i]}"
  echo "Removing \${release} from \${namespace}..."
  if [[ "\${kind}" == "kustomize" ]]; then
    # shellcheck disable=SC2086
    kubectl delete -k "\${SCRIPT_DIR}/\${dir}" --ignore-not-found \${KUBECONFIG_FLAG:-} || FAILED+=("\${release}")
    if [[ "\${DELETE_PVCS}" == "true" ]]; then echo "  keeping PVCs of \${release}: a kustomization has no release label to select them by"; fi
    continue
  fi
  # shellcheck disable=SC2086
  if ! helm uninstall "\${release}" --namespace "\${namespace}" --timeout "\${TIMEOUT}s" --ignore-not-found \${KUBECONFIG_FLAG:-}; then
    echo "  uninstall failed; retrying without hooks"
    # shellcheck disable=SC2086
    helm uninstall "\${release}" --namespace "\${namespace}" --timeout "\${TIMEOUT}s" --ignore-not-found --no-hooks \${KUBECONFIG_FLAG:-} || FAILED+=("\${release}")
  fi
  if [[ "\${DELETE_PVCS}" != "true" ]]; then continue; fi
  if [[ "\${OWNED_NAMESPACES}" != *" \${namespace} "* ]]; then
    echo "  keeping PVCs of \${release}: namespace \${namespace} was not created by this bundle's deploy.sh"
    continue
  fi
  # shellcheck disable=SC2086
  kubectl delete pvc -n "\${namespace}" -l "app.kubernetes.io/instance=\${release}" --ignore-not-found \${KUBECONFIG_FLAG:-} || FAILED+=("\${release} (PVCs)")
done

for (( i=\${#NAMESPACES[@]}-1; i>=0; i-- )); do
  ns="\${NAMESPACES[i]}"
  if [[ "\${KEEP_NAMESPACES}" == "true" ]]; then continue; fi
  if [[ "\${OWNED_NAMESPACES}" != *" \${ns} "* ]]; then
    echo "Keeping namespace \${ns}: it was not created by this bundle's deploy.sh (delete it yourself if it may go)"
    continue
  fi
  # shellcheck disable=SC2086
  kubectl delete namespace "\${ns}" --ignore-not-found --wait=false \${KUBECONFIG_FLAG:-} || true
done

if (( \${#FAILED[@]} > 0 )); then
  echo "Undeployment finished with failures: \${FAILED[*]}"
  exit 1
fi
echo "Undeployment complete."
`},useData:!0}};var vn=e=>e?.loc?` at line ${e.loc.start.line}:${e.loc.start.column}`:"";function re(e,t){return(n,a)=>{if(typeof n!="string")throw new Error(`{{${e}}}${vn(a)} needs a string, got ${n===void 0?"a missing field":typeof n}`);return t(n,a)}}var go={shq:re("shq",(e,t)=>W(e,t.hash.always===!0)),shComment:re("shComment",Qt),mdText:re("mdText",St),mdCell:re("mdCell",At),mdCode:re("mdCode",Pt)},je,gn=new Map;function $o(){if(je)return je;let e=$n.default.create();for(let t of["if","unless","each"]){let n=e.helpers[t];e.registerHelper(t,function(a,r){if(a===void 0)throw new Error(`{{#${t}}}${vn(r)} got a missing field`);return n.call(this,a,r)})}for(let[t,n]of Object.entries(go))e.registerHelper(t,n);return je=e,e}function N(e,t){let n=gn.get(e);n||(n=$o().template(yn[e]),gn.set(e,n));try{return n(t)}catch(a){throw new Error(`template ${e}.hbs: ${a.message}`)}}function vo(e){let t=e.component;if(e.kind==="kustomize"){let n=t.kustomize;return`kustomize ${n.repo}//${n.path}${n.tag?`?ref=${n.tag}`:""}`}return e.vendored?`${e.vendored.record.chart} (vendored: charts/${e.vendored.record.tarballName})`:e.kind==="local"?`local chart (${e.manifests.map(n=>n.name).join(", ")})`:`${t.chart.name} (${t.chart.repo})`}function F(e,t){let n=Object.entries(e.recipe.criteria??{}).filter(([a,r])=>a!=="nodes"&&r&&r!=="any");return N("readme.md",{...t,toolVersion:e.toolVersion,deployer:e.deployer,recipeVersion:e.recipe.metadata?.version||"unknown",criteria:n.map(([a,r])=>({key:a,value:String(r)})),folders:e.folders.map(a=>({dir:a.dir,release:a.release,component:a.component.name,version:a.component.ref.version??"",namespace:a.namespace,source:vo(a)})),constraints:(e.recipe.constraints??[]).map(a=>({name:a.name,value:a.value})),notes:e.notes.map(a=>ce(a))})}function U(e,t,n){let a=e.component,r={dir:e.dir,release:e.release,component:a.name,namespace:e.namespace,step:t.folders.indexOf(e)+1,total:t.folders.length,install:n,upstream:e.kind==="upstream",local:e.kind==="local",vendored:!1,kustomize:e.kind==="kustomize"};switch(e.kind){case"upstream":{let o=a.chart;return N("folder-readme.md",{...r,chartName:o.name,chartVersion:o.version||"(latest)",chartRepo:o.repo})}case"local":if(e.vendored){let o=e.vendored.record;return N("folder-readme.md",{...r,local:!1,vendored:!0,chartName:o.chart,chartVersion:o.version,chartRepo:o.repository,tarball:`charts/${o.tarballName}`,sha256:o.sha256})}return N("folder-readme.md",{...r,pre:e.role==="pre",post:e.role==="post",primary:e.role==="primary",manifests:e.manifests.map(o=>({path:`templates/${o.name}`,source:o.source}))});case"kustomize":{let o=a.kustomize;return N("folder-readme.md",{...r,path:o.path,repo:o.repo,tag:o.tag})}}}var D="argocd",se="https://kubernetes.default.svc",bn="aicr-bundle",bo={automated:{prune:!0,selfHeal:!0},syncOptions:["CreateNamespace=true","ServerSideApply=true"]};function He(e){let t=e.component.chart;return t.oci?{repoURL:t.repo.replace(/^oci:\/\//,"").replace(/\/+$/,""),chart:t.name,targetRevision:t.version}:{repoURL:t.repo,chart:t.name,targetRevision:ve(t.version)}}function ko(e,t){switch(e.kind){case"upstream":{let n=He(e);return t.repoURL.startsWith("oci://")?{source:{...n,helm:{valuesObject:e.component.values}}}:{sources:[{...n,helm:{valueFiles:[`$values/${oe(t.repoPath,e.dir)}/values.yaml`]}},{repoURL:t.repoURL,targetRevision:t.targetRevision,ref:"values"}]}}case"local":return{source:{repoURL:t.repoURL,targetRevision:t.targetRevision,path:oe(t.repoPath,e.dir)}};case"kustomize":{let n=e.component.kustomize;return{source:{repoURL:n.repo,targetRevision:n.tag||"HEAD",path:n.path}}}}}function wo(e,t,n){return{apiVersion:"argoproj.io/v1alpha1",kind:"Application",metadata:{name:e.release,namespace:D,annotations:{"argocd.argoproj.io/sync-wave":String(n)}},spec:{project:"default",...ko(e,t),destination:{server:se,namespace:e.namespace},syncPolicy:bo}}}function Eo(e){return{apiVersion:"argoproj.io/v1alpha1",kind:"Application",metadata:{name:bn,namespace:D},spec:{project:"default",source:{repoURL:e.repoURL,targetRevision:e.targetRevision,path:e.repoPath||".",directory:{recurse:!0,include:"*/application.yaml"}},destination:{server:se,namespace:D},syncPolicy:{automated:{prune:!0,selfHeal:!0}}}}}var kn={name:"argocd",title:"Argo CD applications",generate(e){let t=new E,n=Ee(e);for(let r of e.folders){let o=n.get(r);L(t,e,r,{clusterValues:!1,upstreamEnv:!1,upstreamValues:!e.repoURL.startsWith("oci://")}),t.add(`${r.dir}/application.yaml`,h(wo(r,e,o))),t.add(`${r.dir}/README.md`,U(r,e,`Argo CD syncs it through \`application.yaml\` (sync wave ${o}); to sync it alone: \`argocd app sync ${r.release}\`.`))}t.add("app-of-apps.yaml",h(Eo(e))),t.add("README.md",F(e,{title:"AICR deployment bundle (Argo CD)",intro:"Each numbered folder holds an Argo CD `application.yaml`; components of one dependency level share a band of four sync waves (pre, primary, post, readiness gate) and sync in parallel; each level waits for the one below. `app-of-apps.yaml` creates them all from the Git repository this bundle is pushed to.",deploy:["1. Push this directory to "+(e.repoPath?`\`${e.repoPath}/\` of `:"")+"the Git repository named in `app-of-apps.yaml`"+(e.repoGiven?` (\`${e.repoURL}\`, revision \`${e.targetRevision}\`).`:" (it holds a placeholder: regenerate with `--repo <url>`)."),"2. Apply the parent application:","","```bash","kubectl apply -f app-of-apps.yaml",`argocd app get ${bn}`,"```"].join(`
`),customize:"Edit `NNN-<release>/values.yaml` and push; Argo CD picks the change up. Regenerate with `--set` to keep `checksums.txt` valid.",remove:"Delete the parent application (`kubectl delete -f app-of-apps.yaml`) and then the child applications (`argocd app delete <release>`); pruning removes their resources."}));let a=e.repoGiven?[]:["Update the repository URL (or regenerate with --repo) before applying app-of-apps.yaml"];return{files:t.files,steps:[`Push <bundle-dir> to ${e.repoPath?`${e.repoPath}/ of `:""}your GitOps repository`,"kubectl apply -f <bundle-dir>/app-of-apps.yaml"],notes:a}}};var B="aicr-bundle",wn=53,_=e=>Et(e);function Co(e,t){return`{{- $deployer := .Values.deployer | default dict }}
{{- $name := printf "%s%s" ($deployer.namePrefix | default "") ${JSON.stringify(e.release)} }}
{{- if gt (len $name) ${wn} }}
{{- fail (printf "deployer.namePrefix makes the Application name %q %d characters long; the limit is ${wn}" $name (len $name)) }}
{{- end }}
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: {{ $name | quote }}
  namespace: {{ .Values.argocdNamespace | default ${JSON.stringify(D)} | quote }}
  annotations:
    argocd.argoproj.io/sync-wave: ${_(String(t))}
spec:
  project: {{ $deployer.project | default "default" | quote }}
`}var Ro=e=>`  destination:
    server: {{ $deployer.destinationServer | default ${JSON.stringify(se)} | quote }}
    namespace: ${_(e.namespace)}
  syncPolicy:
    automated:
      prune: true
      selfHeal: true
    syncOptions:
      - CreateNamespace=true
      - ServerSideApply=true
`;function So(e,t){let n;switch(e.kind){case"upstream":{let a=He(e);n=`  source:
    repoURL: ${_(a.repoURL)}
    chart: ${_(a.chart)}
    targetRevision: ${_(a.targetRevision)}
    helm:
      releaseName: ${_(e.release)}
      # The bundled values (static/) with the chart values under ${e.component.overrideKey} merged over them.
      values: |
        {{- $static := .Files.Get ${JSON.stringify(`static/${e.component.name}.yaml`)} | fromYaml | default dict }}
        {{- $override := index .Values ${JSON.stringify(e.component.overrideKey)} | default dict }}
        {{- mustMergeOverwrite $static $override | toYaml | nindent 8 }}
`;break}case"local":n=`  source:
    repoURL: {{ required "repoURL is not set: pass the Git or OCI repository that holds this bundle (--set repoURL=...)" .Values.repoURL | quote }}
    targetRevision: {{ .Values.targetRevision | default "main" | quote }}
    path: {{ clean (printf "%s/%s" (.Values.bundlePath | default ".") ${JSON.stringify(e.dir)}) | quote }}
    helm:
      releaseName: ${_(e.release)}
`;break;case"kustomize":{let a=e.component.kustomize;n=`  source:
    repoURL: ${_(a.repo)}
    targetRevision: ${_(a.tag||"HEAD")}
    path: ${_(a.path)}
`;break}}return Co(e,t)+n+Ro(e)}function Ao(e){let t={};for(let a of e.components)a.kind==="helm"&&(t[a.overrideKey]=ye(a.dynamicValues??{}));return`# Values of the ${B} chart, generated by aicr bundle ${e.toolVersion}.
#   repoURL          Git (or OCI) repository holding this bundle; the Applications of the
#                    generated local charts (NNN-* folders) read their chart from it
#   targetRevision   branch, tag or commit of that repository
#   bundlePath       directory of the bundle inside the repository ("." is the root)
#   argocdNamespace  namespace where Argo CD watches Applications
#   deployer         namePrefix for every Application, Argo CD project, destination cluster
#   <component key>  Helm values merged over that component's bundled values (static/*.yaml)
`+h({repoURL:e.repoGiven?e.repoURL:"",targetRevision:e.targetRevision,bundlePath:e.repoPath||".",argocdNamespace:D,deployer:{namePrefix:"",project:"default",destinationServer:se},...t})}function Po(e){let t={global:{type:"object"},repoURL:{type:"string",description:"Git (or OCI) repository holding this bundle"},targetRevision:{type:"string",description:"branch, tag or commit of repoURL"},bundlePath:{type:"string",description:"directory of the bundle inside the repository"},argocdNamespace:{type:"string",minLength:1,description:"namespace where Argo CD watches Applications"},deployer:{type:"object",additionalProperties:!1,properties:{namePrefix:{type:"string",pattern:"^[a-z0-9-]*$",description:"prefix of every Application name"},project:{type:"string",minLength:1,description:"Argo CD project"},destinationServer:{type:"string",minLength:1,description:"API server of the destination cluster"}}}};for(let n of e.components)n.kind==="helm"&&(t[n.overrideKey]={type:"object",description:`Helm values for ${n.name}, merged over static/${n.name}.yaml`});return fe({$schema:"http://json-schema.org/draft-07/schema#",title:`${B} values`,type:"object",additionalProperties:!1,properties:t})}var En={name:"argocdhelm",title:"Argo CD Helm chart of applications",generate(e){let t=new E;t.add("Chart.yaml",h({apiVersion:"v2",name:B,description:`Argo CD Applications of an AICR bundle (${e.folders.length} releases), generated by aicr bundle ${e.toolVersion}`,type:"application",version:$e(e.recipe.metadata?.version),appVersion:e.toolVersion})),t.add("values.yaml",Ao(e)),t.add("values.schema.json",Po(e));let n=Ee(e);for(let r of e.folders){if(t.add(`templates/${r.release}.yaml`,So(r,n.get(r))),r.kind==="upstream"&&r.role==="primary"){let o=r.component.values;t.add(`static/${r.component.name}.yaml`,Object.keys(o).length?h(o,{sortKeys:!0}):`{}
`)}r.kind==="local"&&(L(t,e,r,{clusterValues:!1,upstreamEnv:!1,upstreamValues:!1}),t.add(`${r.dir}/README.md`,U(r,e,`The Application in \`templates/${r.release}.yaml\` installs this chart from \`repoURL\` (sync wave ${n.get(r)}).`)))}t.add("README.md",F(e,{title:"AICR deployment bundle (Argo CD Helm chart)",intro:`This directory is a Helm chart (\`${B}\`). Installing it creates one Argo CD Application per release, in sync waves by dependency level (independent components sync in parallel; each level waits for the one below). Upstream charts get their values from \`static/\` merged with chart values; generated local charts (\`NNN-*\` folders) are read from the repository in \`repoURL\`.`,deploy:["```bash",`helm install ${B} . --namespace ${D}${e.repoGiven?"":" --set repoURL=<repository holding this bundle>"}`,"```","",`Or let Argo CD own it: create an Application whose source is this chart (in Git${e.repoPath?` with \`path: ${e.repoPath}\``:""} or an OCI registry).`,"Values (`helm show values .`, checked by `values.schema.json`): `repoURL`, `targetRevision`, `bundlePath`, `argocdNamespace`, `deployer.namePrefix`, `deployer.project`, `deployer.destinationServer`, and one map per component key."].join(`
`),customize:"Pass Helm values under the component key (see `values.yaml`), e.g. `--set gpuoperator.driver.version=580.105.08`; they are merged over `static/<component>.yaml` without editing the bundle.",remove:`\`helm uninstall ${B} --namespace ${D}\` removes the Applications; automated pruning removes what they deployed once Argo CD deletes them (add the resources finalizer for cascading deletes).`}));let a=e.repoGiven||!e.folders.some(r=>r.kind==="local")?[]:["Set repoURL when installing the chart: the generated local charts are read from that repository"];return{files:t.files,steps:[`helm install ${B} <bundle-dir> --namespace ${D}${e.repoGiven?"":" --set repoURL=<repository>"}`],notes:a}}};var M="flux-system",Oo="aicr-bundle",J=e=>Y+h(e);function xo(e){let t={interval:"10m",url:e};return e.startsWith("oci://")&&(t.type="oci"),{apiVersion:"source.toolkit.fluxcd.io/v1",kind:"HelmRepository",metadata:{name:A(e),namespace:M},spec:t}}function No(e){return{apiVersion:"source.toolkit.fluxcd.io/v1",kind:"GitRepository",metadata:{name:A(e.repoURL),namespace:M},spec:{interval:"10m",url:e.repoURL,ref:{branch:e.targetRevision}}}}function Fo(e){let t=e.component.config,n=e.component.chart,a=t.helm?.defaultChart??"";if(!t.ownsCRDs||!n||a==="")return!1;let r=o=>o.replace(/^v/,"");return n.repo===(t.helm?.defaultRepository??"")&&n.name===a.slice(a.lastIndexOf("/")+1)&&r(n.version)===r(t.helm?.defaultVersion??"")}function _o(e,t){let n=q(e),a;if(e.kind==="upstream"){let s=e.component.chart;a={chart:s.name};let l=s.oci?s.version:ve(s.version);l!==""&&(a.version=l),a.sourceRef={kind:"HelmRepository",name:A(s.repo),namespace:M}}else a={chart:`./${oe(t.repoPath,e.dir)}`,sourceRef:{kind:"GitRepository",name:A(t.repoURL),namespace:M}};a.interval="5m";let r={createNamespace:!e.ownsNamespace},o={interval:"10m",releaseName:e.release,targetNamespace:e.namespace,timeout:n.timeout,install:r,chart:{spec:a}};n.async&&(r.disableWait=!0,o.upgrade={disableWait:!0}),e.kind==="upstream"&&Fo(e)&&(o.upgrade={...o.upgrade,crds:"CreateReplace"});let i=we(t,e).map(s=>s.release).sort(x);return i.length>0&&(o.dependsOn=i.map(s=>({name:s}))),e.kind==="upstream"&&Object.keys(e.component.values).length>0&&(o.values=ye(e.component.values)),e.kind==="upstream"&&e.component.dynamicValues&&(o.valuesFrom=[{kind:"ConfigMap",name:Cn(e)}]),{apiVersion:"helm.toolkit.fluxcd.io/v2",kind:"HelmRelease",metadata:{name:e.release,namespace:M},spec:o}}function Cn(e){return`${e.release}-values`}function Do(e){return{apiVersion:"v1",kind:"ConfigMap",metadata:{name:Cn(e),namespace:M},data:{"values.yaml":h(e.component.dynamicValues??{},{sortKeys:!0})}}}function To(e){return{apiVersion:"kustomize.toolkit.fluxcd.io/v1",kind:"Kustomization",metadata:{name:Oo,namespace:M},spec:{interval:"10m",path:e.repoPath?`./${e.repoPath}`:"./",prune:!0,sourceRef:{kind:"GitRepository",name:A(e.repoURL)},timeout:"30m"}}}var Rn={name:"flux",title:"Flux manifests",generate(e){let t=e.folders.find(s=>s.kind==="kustomize");if(t)throw u(`component "${t.component.name}" is a kustomize component, which the flux deployer does not support`,{hint:"use the helm or argocd deployer for recipes with kustomize components"});if(e.repoURL.startsWith("oci://"))throw u("the flux deployer needs a Git repository for --repo, not an OCI URL",{hint:"pass the Git URL the bundle is pushed to"});let n=new E,a=[],r=new Set;for(let s of e.folders)s.kind==="upstream"&&r.add(s.component.chart.repo);for(let s of[...r].sort(x)){let l=`sources/helmrepo-${A(s)}.yaml`;n.has(l)||(n.add(l,J(xo(s))),a.push(l))}let o=`sources/gitrepo-${A(e.repoURL)}.yaml`;n.add(o,J(No(e))),a.push(o);for(let s of e.folders){if(L(n,e,s,{clusterValues:!1,upstreamEnv:!1,upstreamValues:!1}),s.kind==="upstream"&&s.component.dynamicValues){let c=`${s.dir}/configmap-values.yaml`;n.add(c,J(Do(s))),a.push(c)}let l=`${s.dir}/helmrelease.yaml`;n.add(l,J(_o(s,e))),a.push(l),n.add(`${s.dir}/README.md`,U(s,e,`Flux installs it from \`helmrelease.yaml\`${we(e,s).length?` after ${we(e,s).map(c=>`\`${c.release}\``).join(", ")} is ready`:""}.`))}n.add("kustomization.yaml",J({apiVersion:"kustomize.config.k8s.io/v1beta1",kind:"Kustomization",resources:a.sort(x)})),n.add("flux-kustomization.yaml",J(To(e))),n.add("README.md",F(e,{title:"AICR deployment bundle (Flux)",intro:"Each numbered folder holds a Flux HelmRelease; `dependsOn` follows the recipe's component dependencies, so independent releases reconcile in parallel. `kustomization.yaml` lists every object; `flux-kustomization.yaml` tells Flux to apply this directory from Git.",deploy:[`1. Push this directory to ${e.repoPath?`\`${e.repoPath}/\` of `:""}the Git repository in \`${o}\`${e.repoGiven?` (\`${e.repoURL}\`, branch \`${e.targetRevision}\`)`:" (it holds a placeholder: regenerate with `--repo <url>`)"}.`,"2. With Flux installed in the cluster, apply the source and the Kustomization that applies the rest:","","```bash",`kubectl apply -f ${o} -f flux-kustomization.yaml`,"flux get helmreleases -A","```"].join(`
`),customize:"Edit `values:` in `NNN-<release>/helmrelease.yaml` and push; Flux upgrades the release. Regenerate with `--set` to keep `checksums.txt` valid.",remove:"Delete the Kustomization (`kubectl delete -f flux-kustomization.yaml`); with `prune: true` Flux removes the HelmReleases and uninstalls them."}));let i=e.repoGiven?[]:["Regenerate with --repo (or edit the GitRepository URL) before applying"];return e.components.some(s=>s.dynamicValues)&&i.push("Install-time values are in NNN-<release>/configmap-values.yaml: edit them for the cluster before applying"),{files:n.files,steps:[`Push <bundle-dir> to ${e.repoPath?`${e.repoPath}/ of `:""}your Git repository`,`kubectl apply -f <bundle-dir>/${o} -f <bundle-dir>/flux-kustomization.yaml`,"flux get helmreleases -A"],notes:i}}};function Sn(e,t){return N("install.sh",{release:e.release,component:e.component.name,namespace:e.namespace,toolVersion:t.toolVersion,pre:e.role==="pre",post:e.role==="post",upstream:e.kind==="upstream",local:e.kind==="local",kustomize:e.kind==="kustomize",ownsNamespace:e.ownsNamespace})}function An(e){return[...new Set(e.folders.map(t=>t.namespace))]}function Pn(e){let t=e.folders.map(n=>{let a=q(n);return[n.dir,n.release,n.namespace,a.timeout,a.retries===void 0?"-":String(a.retries),a.async?"async":"wait"].join(" ")});return N("deploy.sh",{toolVersion:e.toolVersion,releaseCount:e.folders.length,rows:t,namespaces:An(e),hasDra:e.folders.some(n=>n.release==="nvidia-dra-driver-gpu")})}function On(e){return N("undeploy.sh",{toolVersion:e.toolVersion,rows:e.folders.map(t=>`${t.dir} ${t.release} ${t.namespace} ${t.kind}`),namespaces:An(e)})}function ze(e,t,n){for(let a of t.folders)L(e,t,a,{clusterValues:a.kind!=="kustomize",upstreamEnv:!0,upstreamValues:!0}),e.add(`${a.dir}/install.sh`,Sn(a,t),493),e.add(`${a.dir}/README.md`,U(a,t,n(a)))}var xn={name:"helm",title:"Helm per-component bundle",generate(e){let t=new E;return ze(t,e,()=>["```bash","bash install.sh","```","","Edit `values.yaml` (or put per-cluster settings in `cluster-values.yaml`, applied last) and run it again to upgrade."].join(`
`)),t.add("deploy.sh",Pn(e),493),t.add("undeploy.sh",On(e),493),t.add("README.md",F(e,{title:"AICR deployment bundle (Helm)",intro:"Each numbered folder holds one Helm release and an `install.sh` that installs it with the right chart, version, namespace and values. `deploy.sh` runs them all in order.",deploy:["```bash","./deploy.sh                 # all releases, in order, 5 retries each","./deploy.sh --no-wait --retries 0","DRY_RUN_FLAG=--dry-run=server ./deploy.sh","```","","Or one release at a time: `bash NNN-<release>/install.sh`."].join(`
`),customize:"Edit `NNN-<release>/values.yaml`, or put per-cluster settings in `NNN-<release>/cluster-values.yaml` (applied after values.yaml), then run that folder's `install.sh` again. Editing files invalidates `checksums.txt`; regenerate the bundle with `--set` to keep it verifiable.",remove:["```bash","./undeploy.sh               # releases in reverse order, then the namespaces deploy.sh created","./undeploy.sh --keep-namespaces","./undeploy.sh --delete-pvcs   # also the PVCs of the releases (data is lost)","```","","`undeploy.sh` deletes a namespace, and PVCs in it, only when `deploy.sh` created it (it labels those `aicr.nvidia.com/created-by=aicr-bundle`); system namespaces (kube-system, kube-public, kube-node-lease, default) are never touched, and `--delete-pvcs` selects PVCs by release (`app.kubernetes.io/instance=<release>`), never a whole namespace."].join(`
`)})),{files:t.files,steps:["cd <bundle-dir>","./deploy.sh"],notes:[]}}};var Lo={wait:!0,timeout:600,createNamespace:!0};function Uo(e){if(e.kind!=="upstream")return;let t=e.component.chart,n=A(t.repo,"default-repo");return t.oci?{name:n,url:t.repo.replace(/^oci:\/\//,"").replace(/\/+$/,""),oci:!0}:{name:n,url:t.repo}}function Io(e){let t={name:e.release,namespace:e.namespace};if(e.kind==="upstream"){let o=e.component.chart;t.chart=`${A(o.repo,"default-repo")}/${o.name}`,o.version!==""&&(t.version=o.version)}else t.chart=`./${e.dir}`;t.values=[`./${e.dir}/values.yaml`,`./${e.dir}/cluster-values.yaml`];let n=Me(e);n&&(t.needs=[n.namespace===e.namespace?n.release:`${n.namespace}/${n.release}`]);let a=q(e);a.async&&(t.wait=!1,t.timeout=a.timeoutSeconds),e.ownsNamespace&&(t.createNamespace=!1);let r=e.component.config;return(e.role==="primary"&&r.hasSelfRefCRDs||e.role==="post"&&r.manifestsUseChartCRDs)&&(t.disableValidation=!0),t}function Nn(e){let t=new Map;for(let a of e){let r=Uo(a);r&&t.set(r.name,r)}let n={};return t.size>0&&(n.repositories=[...t.keys()].sort(x).map(a=>t.get(a))),n.helmDefaults=Lo,n.releases=e.map(Io),n}var Fn={name:"helmfile",title:"Helmfile release graph",generate(e){let t=e.folders.find(i=>i.kind==="kustomize");if(t)throw u(`component "${t.component.name}" is a kustomize component, which the helmfile deployer does not support`,{hint:"use the helm or argocd deployer for recipes with kustomize components"});let n=new E;ze(n,e,i=>["```bash",`helmfile --selector name=${i.release} apply`,"```","","or `bash install.sh` in this folder."].join(`
`));let a=Ge(e.components),r=new Map;for(let i of e.folders){let s=a.get(i.component.name);r.set(s,[...r.get(s)??[],i])}let o=[...r.keys()].sort((i,s)=>i-s);return o.length<=1?n.add("helmfile.yaml",h(Nn(e.folders))):(o.forEach((i,s)=>n.add(`level-${s}.yaml`,h(Nn(r.get(i))))),n.add("helmfile.yaml",h({helmfiles:o.map((i,s)=>({path:`level-${s}.yaml`}))}))),n.add("README.md",F(e,{title:"AICR deployment bundle (Helmfile)",intro:o.length<=1?"`helmfile.yaml` lists every release; `needs:` orders the releases of one component.":`Components are grouped by dependency level: \`helmfile.yaml\` runs \`level-0.yaml\` \u2026 \`level-${o.length-1}.yaml\` in order, and the releases inside a level install in parallel. Each numbered folder also has an \`install.sh\` for installing it alone.`,deploy:["```bash","helmfile diff","helmfile apply","```"].join(`
`),customize:"Edit `NNN-<release>/values.yaml` or `cluster-values.yaml` (applied last) and run `helmfile apply` again. Regenerate with `--set` to keep `checksums.txt` valid.",remove:"`helmfile destroy` uninstalls the releases."})),{files:n.files,steps:["cd <bundle-dir>","helmfile diff","helmfile apply"],notes:[]}}};var _n={helm:xn,argocd:kn,argocdhelm:En,flux:Rn,helmfile:Fn};var Vo="Generated by aicr bundle ",Dn=2e4,Bo=4*1024*1024;function Ke(e){let t=H(S(e,$),{throwIfNoEntry:!1});if(!t)return`it has no ${$}, so it is not a bundle aicr bundle wrote`;if(!t.isFile())return`its ${$} is not a regular file`;if(t.size>Bo)return`its ${$} is larger than any bundle's`;let n=[],a=Tt(he(S(e,$),"utf8"),n);if(n.length)return`its ${$} is not in the format aicr bundle writes (${n[0].detail})`;let r=new Map(a.map(l=>[l.path,l.digest]));for(let l of["README.md","recipe.yaml"])if(!r.has(l))return`its ${$} does not list ${l}, which every bundle has`;if(!H(S(e,"README.md"),{throwIfNoEntry:!1})?.isFile()||!he(S(e,"README.md"),"utf8").includes(Vo))return"its README.md was not written by aicr bundle";let i=new Set,s=Tn(e,"",i);if(s)return s;for(let l of i)if(l!==$&&!r.has(l)&&!_t.includes(l))return`${l} is not part of the bundle (not listed in ${$})`;for(let[l,c]of r){if(!i.has(l))return`${l} is listed in ${$} but missing`;if(K(he(S(e,...l.split("/"))))!==c)return`${l} was changed after the bundle was written`}}function Tn(e,t,n){let a=pe(S(e,t),{withFileTypes:!0});if(t!==""&&a.length===0)return`${t} is an empty folder, which no bundle has`;for(let r of a){let o=t+r.name;if(r.isSymbolicLink())return`${o} is a symbolic link, which no bundle has`;if(r.isDirectory()){let i=Tn(e,`${o}/`,n);if(i)return i}else if(r.isFile()){if(n.add(o),n.size>Dn)return`it holds more than ${Dn} files, far more than a bundle`}else return`${o} is not a regular file`}}function We(e,t={}){let n=Z(t.input??"output");if(e.trim()==="")throw u(`${n}: the directory is empty text`,{hint:"pass the directory to write the bundle to"});if(/^[a-z][a-z0-9+.-]*:\/\//i.test(e))throw u(`${n}: ${f(e)}: only local directories are supported`,{hint:"write to a directory, then push it with your own tooling (git, oras, helm push)"});let a=te(e),r=te(t.cwd??process.cwd());if(r===a||r.startsWith(a.endsWith(ne)?a:a+ne))throw u(`${n}: ${f(e)} is the working directory or one of its parents`,{hint:"write the bundle to a new directory, e.g. bundle"});let o;try{if(o=H(a,{bigint:!0,throwIfNoEntry:!1}),!o)return{target:a,state:"absent"};if(o.isSymbolicLink())throw u(`${n}: ${e} is a symbolic link`,{hint:"pass a real directory path; links are not followed for safety"});if(!o.isDirectory())throw u(`${n}: ${e} is a file, not a directory`,{hint:"pass a directory path (it is created if missing)"});if(pe(a).length===0)return{target:a,state:"empty"};if(!t.force)throw u(`${n}: ${e} is not empty`,{hint:`pass an empty or new directory, or set ${P("force")} to replace it (when it holds an earlier, unchanged bundle)`});let i=Ke(a);if(i)throw Mo(n,e,i)}catch(i){throw i instanceof O?i:ue(i,`${n}: ${e} cannot be used`,R.InvalidInput)}return{target:a,state:{dev:o.dev,ino:o.ino}}}function Mo(e,t,n){return u(`${e}: ${t} is not an unchanged earlier bundle, so ${P("force")} does not replace it: ${n}; nothing in it was touched`,{hint:`${P("force")} replaces only a folder aicr bundle wrote and nobody changed since; move or delete this folder yourself if it may go, or pass a new directory`})}function Ye(e,t,n={}){let a=n.input??"output",r=n.claim??We(e,n),{target:o}=r,i=xe(o),s=Ne(o),l=S(i,Fe(s,"tmp")),c=Pe(l);try{de(i,{recursive:!0}),ut(i,s),de(l,{mode:493})}catch(m){throw c(),ue(m,`${Z(a)}: cannot create ${i}`,R.InvalidInput)}try{jo(l,t),typeof r.state=="string"?Un(l,o,e,a):Go(l,r,e,a);for(let m of t)mt(()=>`${Z(a)}: wrote ${S(e,m.path)} (${Buffer.byteLength(m.content)} bytes)`)}catch(m){throw m instanceof O?m:ue(m,`${Z(a)}: cannot write the bundle to ${e}`,R.Internal)}finally{Ae(l,{recursive:!0,force:!0}),c()}return o}function Un(e,t,n,a){try{ee(e,t)}catch(r){let o=r.code;throw o==="ENOTEMPTY"||o==="EEXIST"||o==="ENOTDIR"||o==="EISDIR"?me(a,n):r}}function Go(e,t,n,a){let{target:r}=t,o=S(xe(r),Fe(Ne(r),"old"));try{ee(r,o)}catch(l){if(l.code==="ENOENT")return Un(e,r,n,a);throw l}let i=!1,s=()=>{};try{let l=H(o,{bigint:!0}),c=t.state,m=l.dev!==c.dev||l.ino!==c.ino?"another folder took its place":Ke(o);if(m)throw Ln(o,r),me(a,`${n} (${m})`);i=!0,s=Pe(o);try{ee(e,r)}catch(p){let g=p.code;throw g==="ENOTEMPTY"||g==="EEXIST"||g==="ENOTDIR"?me(a,n):(i=!1,Ln(o,r),p)}}finally{i&&Ae(o,{recursive:!0,force:!0}),s()}}function Ln(e,t){try{ee(e,t)}catch(n){throw new O(R.Internal,`cannot move ${e} back to ${t}: ${n.message}`,{hint:`it is kept as it was; move it back yourself (mv ${e} ${t})`})}}function jo(e,t){let n=new Set,a;for(let r of t){let o=r.path.split("/"),i=e;for(let c of o.slice(0,-1))i=`${i}/${c}`,n.has(i)||(de(i,{recursive:!0,mode:493}),n.add(i),a&&Q(i,493));let s=`${e}/${r.path}`,l=nt(s,"wx",r.mode);try{let c=typeof r.content=="string"?Buffer.from(r.content,"utf8"):r.content,m=0;for(;m<c.length;)m+=rt(l,c,m,c.length-m)}finally{tt(l)}if(a===void 0&&(a=(ot(s).mode&511)!==r.mode,a)){Q(e,493);for(let c of n)Q(c,493)}a&&Q(s,r.mode)}}async function In(e,t,n){let a=await qt({recipe:e,catalog:t,options:n});n.vendorCharts&&(a.vendoredCharts=await an(a,n.vendorFetch??{}));let r=_n[n.deployer],o=r.generate(a),i=[...o.files];a.vendoredCharts?.length&&i.push({path:sn,content:ln(a.vendoredCharts),mode:420}),i.push({path:"recipe.yaml",content:dn(a),mode:420});for(let s of a.dataFiles)i.push({path:`data/${s.path}`,content:s.content,mode:420});return i.push({path:$,content:Dt(i),mode:420}),i.sort((s,l)=>x(s.path,l.path)),{plan:a,deployer:n.deployer,title:r.title,files:i,steps:o.steps,notes:[...a.notes,...o.notes]}}function Vn(e,t,n){let a=Ye(t,e.files,n),r=t.endsWith("/")?"":"/";return{...e,dir:t,absoluteDir:a,checksumsPath:`${t}${r}${$}`}}function Bn(e,t,n){let a=new Map;return e.map(r=>{let o=`aicr-bundle/${r.function}`,i=`${o}\0${t}\0${r.component}\0${r.message}`,s=(a.get(i)??0)+1;return a.set(i,s),{description:ce(r.message,n),check_name:o,fingerprint:Ot().update(`${i}\0${s}`).digest("hex"),severity:r.severity==="error"?"blocker":"minor",location:{path:t,lines:{begin:1}}}})}function Ho(e,t){if(_e(e,"recipe").kind!=="file")return"recipe.yaml";let n=lt(t,te(e));return n===""||n.startsWith("..")||it(n)?"recipe.yaml":n.split(ne).join("/")}function zo(e){let t={deployer:e.deployer,systemNodeSelector:e.systemNodeSelector,systemNodeToleration:e.systemNodeToleration,acceleratedNodeSelector:e.acceleratedNodeSelector,acceleratedNodeToleration:e.acceleratedNodeToleration,workloadSelector:e.workloadSelector,targetRevision:e.targetRevision};return e.set.length&&(t.set=e.set),e.setJson.length&&(t.setJson=e.setJson),e.setFile.length&&(t.setFile=e.setFile),e.dynamic.length&&(t.dynamic=e.dynamic),e.readinessHooks&&(t.readinessHooks=!0),e.workloadGate&&(t.workloadGate=e.workloadGate),e.nodes!==void 0&&(t.nodes=e.nodes),e.repo&&(t.repo=e.repo),e.repoPath&&(t.repoPath=e.repoPath),e.storageClass&&(t.storageClass=e.storageClass),e.sharedStorageClass&&(t.sharedStorageClass=e.sharedStorageClass),e.vendorCharts&&(t.vendorCharts=!0),t}function Ko(e){let t=ct(e.env);return{...t!==void 0?{timeoutMs:t}:{},...e.signal?{interrupt:e.signal}:{}}}async function Ca(e,t,n={}){let a=n.outputOption??"output";if(e.config){let y=await xt(e.config,De("config",t,e.kubeconfig),t.logger);for(let v of Ft(e,Xt,y,Nt))t.logger.info(v)}if(!e.recipe&&!n.recipe)throw et("recipe","is required",{hint:`give ${P("recipe")} the recipe to bundle, or set spec.bundle.input.recipe in the file of ${P("config")}`});zt(e.set),e.setFile.length&&await ht(),Wt(e.setFile,e.setJson),Yt(e.dynamic),e.readinessHooks&&jt(e.deployer),Ht(e.repoPath,e.deployer),Ie(e.storageClass,"storage-class"),Ie(e.sharedStorageClass,"shared-storage-class");let r=It(e.output)?void 0:We(e.output,{force:e.force,input:a}),o=e.codequality?_e(e.codequality,"codequality"):void 0,i=await yt([o],Te(t,e.kubeconfig)),s=await Mt(e,t,{bundles:!0}),[l,c]=await Promise.all([n.recipe??Rt("RecipeResult",e.recipe,De("recipe",t,e.kubeconfig)),n.catalog??Bt(e.data,t.logger)]),m=await Vt(e.output,a,{criteria:l.document.criteria??{},deployer:e.deployer}),p=async y=>{if(!o)return;let v=i(o),ae=Ho(e.recipe??l.origin,t.workspace),ie=fe(Bn(y,ae,t.env.GITLAB_CI==="true"?Ze:Xe));await ft(o,ie,{input:"codequality",format:"json",...Te(t,e.kubeconfig),...v?{claim:v}:{}})},g;try{g=await In(l.document,c,{...zo(e),...e.vendorCharts?{vendorFetch:Ko(t)}:{}})}catch(y){let v=Kt(y);throw v&&await p(v),y}await p(g.plan.validationFindings??[]);let d=Vn(g,m,{force:e.force,input:a,...r?{claim:r}:{}});for(let y of d.notes)t.logger.warning(y);let k=at(Zt,t.outputs);k.set("bundleDir",d.dir),k.set("deployer",d.deployer),k.set("files",d.files.length),k.set("checksumsPath",d.checksumsPath),t.logger.info(`${d.title} written to ${d.dir}: ${d.files.length} files, ${d.plan.folders.length} releases`);let T=await Gt(s,{recipe:l.document,recipeSource:l.origin,bundleDir:d.dir},e,t);return T?{...d,changes:T}:d}export{Jt as a,zn as b,Xt as c,Zt as d,we as e,Ca as f};
