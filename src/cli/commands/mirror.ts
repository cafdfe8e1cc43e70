import { runMirrorList } from '../../core/mirror/index.js';
import { MIRROR_LIST_OPTIONS } from '../../core/mirror/options.js';
import { defineCommand } from '../context.js';

export const command = defineCommand({
  name: 'mirror',
  summary: 'List the container images and Helm charts a recipe or a bundle needs, for mirroring into an air-gapped registry (yaml, json, plain, Hauler, Zarf).',
  usage: 'aicr mirror list (--recipe <file|url|cm://ns/name|-> [--set component:path=value]... | --bundle DIR) [--format yaml|json|plain|hauler|zarf] [--output FILE] [--offline]',
  options: MIRROR_LIST_OPTIONS,
  examples: [
    'aicr mirror list --recipe recipe.yaml',
    'aicr mirror list --recipe recipe.yaml --format hauler --output hauler-manifest.yaml',
    'aicr mirror list --bundle bundle --format zarf --output zarf.yaml',
    'aicr mirror list --recipe recipe.yaml --set gpuoperator:driver.enabled=false --format plain',
  ],
  async run(values, context) {
    await runMirrorList(values, context);
    return 0;
  },
});
