import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runPipeline } from '../helpers/gitlab.js';
import { fixtureRecipe } from '../core/bundle/support.js';

const include = (inputs: Record<string, unknown>) => `
stages: [build, check]
include:
  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/recipe@$CI_COMMIT_SHA
    inputs: ${JSON.stringify(inputs)}
`;

describe('gitlab component: recipe', () => {
  it('resolves a recipe, keeps it as an artifact and exports its path as a dotenv variable', () => {
    const run = runPipeline(`${include({ service: 'eks', accelerator: 'h100', intent: 'training', os: 'ubuntu', 'job-name': 'recipe-eks' })}
check:
  stage: check
  needs: [recipe-eks]
  script:
    - test "$AICR_RECIPE_PATH" = recipe.yaml
    - test -z "$AICR_RECIPE_CHANGES"
    - test ! -e change-plan.md
    - cp recipe.yaml seen.yaml
`);
    expect(run.exitCode, run.output).toBe(0);
    const recipe = parse(run.jobFile('check', 'seen.yaml')!);
    expect(recipe.metadata.appliedOverlays).toEqual(['base', 'monitoring-hpa', 'h100-any', 'eks', 'eks-training', 'h100-eks-training', 'h100-eks-ubuntu-training']);
  });

  it('compares with an earlier recipe: the Markdown plan is an artifact, its size a dotenv variable', () => {
    const run = runPipeline(`${include({ service: 'eks', accelerator: 'h100', intent: 'training', os: 'ubuntu', platform: 'kubeflow', 'compare-to': 'main-recipe.yaml' })}
check:
  stage: check
  needs: [aicr-recipe]
  script:
    - test "$AICR_RECIPE_PLAN_FILE" = change-plan.md
    - test "$AICR_RECIPE_CHANGES" -gt 0
    - cp change-plan.md seen.md
`, { 'main-recipe.yaml': readFileSync(fixtureRecipe('variety'), 'utf8') });
    expect(run.exitCode, run.output).toBe(0);
    const plan = run.jobFile('check', 'seen.md')!;
    expect(plan.startsWith('### AICR recipe changes\n')).toBe(true);
    expect(plan).toContain('| criteria | `accelerator` | added | — | `h100` |');
    expect(run.output).toContain('Recipe changes: components:');
  });

  it('rejects an input outside its options before any job runs', () => {
    const run = runPipeline(include({ service: 'eks', accelerator: 'v100' }));
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain('accelerator');
  });

  it('passes hostile values as data, never as shell', () => {
    const run = runPipeline(include({ service: 'eks', intent: 'training', data: '$(touch pwned)"; touch pwned2; echo "' }));
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain('external data directory not found');
    expect(run.jobFile('aicr-recipe', 'pwned')).toBeUndefined();
    expect(run.jobFile('aicr-recipe', 'pwned2')).toBeUndefined();
  });

  it('keeps variable references in inputs literal (no expansion of $CI_* values)', () => {
    const run = runPipeline(include({ service: 'eks', data: '$CI_JOB_NAME' }));
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain('external data directory not found: $CI_JOB_NAME');
  });
});

describe('gitlab component: recipe with a configuration profile', () => {
  const data = {
    'data/registry.yaml': 'kind: ComponentRegistry\napiVersion: aicr.run/v1beta1\ncomponents: []\n',
    'data/overlays/h100-eks-ubuntu-training-kubeflow.yaml': `kind: RecipeMetadata
apiVersion: aicr.nvidia.com/v1alpha1
metadata:
  name: h100-eks-ubuntu-training-kubeflow
spec:
  base: h100-eks-ubuntu-training
  criteria: {service: eks, accelerator: h100, os: ubuntu, intent: training, platform: kubeflow}
  mixins: [platform-kubeflow]
  profile:
    name: gpuStack
    default: preinstalled
    values:
      preinstalled:
        componentRefs:
          - {name: gpu-operator, overrides: {driver: {enabled: false}}}
      operator-managed:
        componentRefs:
          - {name: gpu-operator, overrides: {driver: {enabled: true}}}
`,
  };
  const inputs = { service: 'eks', accelerator: 'h100', intent: 'training', os: 'ubuntu', platform: 'kubeflow', data: 'data' };

  it('takes input profile, records it and exports it as a dotenv variable; an unknown value names the input', () => {
    const run = runPipeline(`${include({ ...inputs, profile: 'gpuStack=operator-managed' })}
check:
  stage: check
  needs: [aicr-recipe]
  script:
    - test "$AICR_RECIPE_SELECTED_PROFILE" = gpuStack=operator-managed
    - cp recipe.yaml seen.yaml
`, data);
    expect(run.exitCode, run.output).toBe(0);
    expect(parse(run.jobFile('check', 'seen.yaml')!).metadata.selectedProfile.value).toBe('operator-managed');
    const bad = runPipeline(include({ ...inputs, profile: 'gpuStack=byo' }), data);
    expect(bad.exitCode).not.toBe(0);
    expect(bad.output).toContain('input "profile": profile "gpuStack" has no value "byo"; valid values: [operator-managed preinstalled]');
  });
});
