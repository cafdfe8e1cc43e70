import{createRequire as __aicrRequire}from'node:module';const require=__aicrRequire(import.meta.url);
import{b as m}from"./chunk-4UO4OFPV.js";import{a,b as f,c as u,d as v,e as R}from"./chunk-IUKSESNL.js";import{h as g,i as h}from"./chunk-IO3AYEE4.js";function j(t,o,l){let{recipe:n,criteria:i}=o;t.addHeading("AICR recipe",2),t.addTable([[{data:"criterion",header:!0},{data:"value",header:!0}],...m.map(e=>[e,a(i[e])]),["nodes",i.nodes===0?"any":String(i.nodes)]]),t.addRaw(`
**Criteria from:** ${o.mode} &nbsp; **Recipe:** \`${a(l)}\`

`),t.addRaw(`**Applied overlays:** ${(n.metadata.appliedOverlays??[]).map(e=>`\`${a(e)}\``).join(" \u2192 ")}

`);let d=n.metadata.selectedProfile;if(d){let e=Object.entries(d.ownedPaths).map(([p,$])=>`\`${a(p)}\` (${$.map(a).join(", ")})`).join("; ");t.addRaw(`**Configuration profile:** \`${a(d.name)}=${a(d.value)}\` &nbsp; **Locked at bundle time:** ${e}

`)}let c=n.configuration?.slurm?.accounting?.mode,s=n.configuration?.runtimeInventory?.mode;if(c||s){let e=[...c?[`**Slurm accounting:** \`${a(c)}\``]:[],...s?[`**Runtime inventory (k8s-aibom):** \`${a(s)}\``]:[]];t.addRaw(`${e.join(" &nbsp; ")}

`)}n.metadata.excludedOverlays?.length&&t.addRaw(`**Excluded by snapshot constraints:** ${n.metadata.excludedOverlays.map(e=>`\`${a(typeof e=="string"?e:e.name)}\``).join(", ")}

`),t.addHeading("Components",3),t.addTable([[{data:"component",header:!0},{data:"version",header:!0},{data:"namespace",header:!0},{data:"source",header:!0}],...n.componentRefs.map(e=>[a(e.name),a(e.version??"\u2014"),a(e.namespace??"\u2014"),a(e.source||"\u2014")])]),t.addHeading("Deployment order",3);let r=new Map(n.componentRefs.map(e=>[e.name,e.dependencyRefs??[]]));t.addRaw(u(f(n.deploymentOrder,r))),n.constraints?.length&&(t.addHeading("Constraints",3),t.addTable([[{data:"constraint",header:!0},{data:"expected",header:!0}],...n.constraints.map(e=>[a(e.name),a(e.value)])]))}function y(t){return(t.recipe.metadata.excludedOverlays??[]).map(o=>typeof o=="string"?o:o.name)}function S(t,o,l){let n=t.recipe.metadata.constraintWarnings??[];y(t).forEach((i,d)=>{let c=n.filter(p=>p.overlay===i).map(p=>`${p.constraint} (${p.reason})`),s=`overlay ${i} was left out of the recipe: the snapshot fails its constraint${c.length===1?"":"s"} ${c.join("; ")||"(not recorded)"}`,r=t.written?.source.locate(["metadata","excludedOverlays",d]),e={title:`excluded overlay ${i}`};r&&!/^[a-z][a-z0-9+.-]*:\/\//i.test(r.file)&&r.file!=="<stdin>"&&(e.file=o(r.file),r.line!==void 0&&(e.startLine=r.line)),(l?g:h)(v(s),R(e))})}export{j as a,y as b,S as c};
