import { BUNDLE_OPTIONS, BUNDLE_OUTPUTS } from '../../core/bundle/options.js';
import { runBundleStep } from '../../core/bundle/step.js';
import { defineCommand } from '../context.js';

export const command = defineCommand({
  name: 'bundle',
  summary: 'Generate a deployment bundle from a recipe: per-release folders, deployer files and checksums.txt.',
  usage: 'aicr bundle --recipe <file|url|cm://ns/name|-> [--deployer helm|argocd|argocdhelm|flux|helmfile] [--output DIR] [--set component:path=value]... [scheduling flags] [--repo URL]',
  options: BUNDLE_OPTIONS,
  outputs: BUNDLE_OUTPUTS,
  examples: [
    'aicr recipe --service eks --accelerator h100 --intent training -o recipe.yaml',
    'aicr bundle -r recipe.yaml -o bundle',
    'aicr bundle -r recipe.yaml -d argocd --repo https://github.com/example/gitops.git -o gitops',
    'aicr bundle -r recipe.yaml --set gpuoperator:driver.version=580.105.08 --accelerated-node-selector nodeGroup=gpu --accelerated-node-toleration nvidia.com/gpu=present:NoSchedule',
  ],
  async run(values, context) {
    const outcome = await runBundleStep(values, context);
    const steps = outcome.steps.map((step, index) => `  ${index + 1}. ${step.replaceAll('<bundle-dir>', outcome.dir)}`);
    context.stdout.write([
      `${outcome.title} written to ${outcome.dir} (${outcome.files.length} files, ${outcome.plan.folders.length} releases)`,
      `Deployment order: ${outcome.plan.folders.map((folder) => folder.dir).join(', ')}`,
      `Checksums: ${outcome.checksumsPath} (check with: aicr verify ${outcome.dir})`,
      'Next steps:',
      ...steps,
      '',
    ].join('\n'));
    return 0;
  },
});
