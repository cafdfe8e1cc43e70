import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{b as i}from"./chunk-GWH6MJF7.js";import{d as n,e as c,f as s}from"./chunk-DC5IHQTE.js";import{d as o}from"./chunk-MXMQB6JB.js";function h(t,r){let{recipe:d}=t;o("recipe-path",r),o("applied-overlays",(d.metadata.appliedOverlays??[]).join(",")),o("components",JSON.stringify(d.componentRefs.map(a=>({name:a.name,version:a.version??"",namespace:a.namespace??"",chart:a.chart??"",source:a.source??""})))),o("deployment-order",d.deploymentOrder.join(","))}function O(t,r,d){let{recipe:a,criteria:p}=r;t.addHeading("AICR recipe",2),t.addTable([[{data:"criterion",header:!0},{data:"value",header:!0}],...i.map(e=>[e,n(p[e])]),["nodes",p.nodes===0?"any":String(p.nodes)]]),t.addRaw(`
**Criteria from:** ${r.mode} &nbsp; **Recipe:** \`${n(d)}\`

`),t.addRaw(`**Applied overlays:** ${(a.metadata.appliedOverlays??[]).map(e=>`\`${n(e)}\``).join(" \u2192 ")}

`),a.metadata.excludedOverlays?.length&&t.addRaw(`**Excluded by snapshot constraints:** ${a.metadata.excludedOverlays.map(e=>`\`${n(typeof e=="string"?e:e.name)}\``).join(", ")}

`),t.addHeading("Components",3),t.addTable([[{data:"component",header:!0},{data:"version",header:!0},{data:"namespace",header:!0},{data:"source",header:!0}],...a.componentRefs.map(e=>[n(e.name),n(e.version??"\u2014"),n(e.namespace??"\u2014"),n(e.source||"\u2014")])]),t.addHeading("Deployment order",3);let m=new Map(a.componentRefs.map(e=>[e.name,e.dependencyRefs??[]]));t.addRaw(s(c(a.deploymentOrder,m))),a.constraints?.length&&(t.addHeading("Constraints",3),t.addTable([[{data:"constraint",header:!0},{data:"expected",header:!0}],...a.constraints.map(e=>[n(e.name),n(e.value)])]))}export{h as a,O as b};
