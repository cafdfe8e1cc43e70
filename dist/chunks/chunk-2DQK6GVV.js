import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{b as r}from"./chunk-4JQKQSCP.js";import{a as d,b as p,c as i}from"./chunk-3IOTEZVM.js";function R(a,o,c){let{recipe:n,criteria:t}=o;a.addHeading("AICR recipe",2),a.addTable([[{data:"criterion",header:!0},{data:"value",header:!0}],...r.map(e=>[e,d(t[e])]),["nodes",t.nodes===0?"any":String(t.nodes)]]),a.addRaw(`
**Criteria from:** ${o.mode} &nbsp; **Recipe:** \`${d(c)}\`

`),a.addRaw(`**Applied overlays:** ${(n.metadata.appliedOverlays??[]).map(e=>`\`${d(e)}\``).join(" \u2192 ")}

`),n.metadata.excludedOverlays?.length&&a.addRaw(`**Excluded by snapshot constraints:** ${n.metadata.excludedOverlays.map(e=>`\`${d(typeof e=="string"?e:e.name)}\``).join(", ")}

`),a.addHeading("Components",3),a.addTable([[{data:"component",header:!0},{data:"version",header:!0},{data:"namespace",header:!0},{data:"source",header:!0}],...n.componentRefs.map(e=>[d(e.name),d(e.version??"\u2014"),d(e.namespace??"\u2014"),d(e.source||"\u2014")])]),a.addHeading("Deployment order",3);let s=new Map(n.componentRefs.map(e=>[e.name,e.dependencyRefs??[]]));a.addRaw(i(p(n.deploymentOrder,s))),n.constraints?.length&&(a.addHeading("Constraints",3),a.addTable([[{data:"constraint",header:!0},{data:"expected",header:!0}],...n.constraints.map(e=>[d(e.name),d(e.value)])]))}export{R as a};
