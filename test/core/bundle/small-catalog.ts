/** A small catalog and recipe for the bundle flag tests, written with writeTree. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, writeTree } from '../../helpers/catalog.js';
import { toYaml } from '../../../src/core/serialize.js';

/** A small catalog: a chart with an alias and values, a manifest-only component, a disabled one. */
export function smallCatalog(): { data: string; recipe: string } {
  const data = writeTree({
    'registry.yaml': {
      kind: 'ComponentRegistry',
      apiVersion: 'aicr.run/v1beta1',
      components: [
        { name: 'gateway', displayName: 'Gateway', valueOverrideKeys: ['gw'], helm: { defaultRepository: 'https://charts.example.com', defaultNamespace: 'gateway' }, nodeScheduling: { system: { nodeSelectorPaths: ['nodeSelector'], tolerationPaths: ['tolerations'] } } },
        { name: 'tuning', displayName: 'Tuning', manifest: { defaultNamespace: 'tuning' } },
        { name: 'extra', displayName: 'Extra', helm: { defaultRepository: 'https://charts.example.com', defaultNamespace: 'extra' } },
      ],
    },
    'components/gateway/values.yaml': {
      allowedSourceRanges: ['192.168.0.0/16'],
      driver: { env: { KEEP: 'yes', DROP: 'bye' }, version: '1.0' },
      service: { type: 'LoadBalancer' },
    },
    'components/tuning/manifests/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tuning\n  namespace: {{ .Release.Namespace }}\ndata:\n  profile: {{ index .Values "tuning" "profile" }}\n',
    'components/tuning/values.yaml': { profile: 'default' },
  });
  const recipe = join(tempDir(), 'recipe.yaml');
  writeFileSync(recipe, toYaml({
    kind: 'RecipeResult',
    apiVersion: 'aicr.run/v1',
    metadata: { version: 'v0.1.0' },
    componentRefs: [
      { name: 'gateway', namespace: 'gateway', type: 'Helm', source: 'https://charts.example.com', version: '1.2.3', valuesFile: 'components/gateway/values.yaml' },
      { name: 'tuning', namespace: 'tuning', type: 'Helm', valuesFile: 'components/tuning/values.yaml', manifestFiles: ['components/tuning/manifests/config.yaml'] },
      { name: 'extra', namespace: 'extra', type: 'Helm', source: 'https://charts.example.com', version: '0.1.0', overrides: { enabled: false } },
    ],
    deploymentOrder: ['gateway', 'tuning', 'extra'],
  }));
  return { data, recipe };
}

