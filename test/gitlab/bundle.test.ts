import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runPipeline } from '../helpers/gitlab.js';
import { fixtureRecipe } from '../core/bundle/support.js';

const recipe = readFileSync(fixtureRecipe('eks-h100-ubuntu-training-kubeflow'), 'utf8');
const component = (name: string, inputs: Record<string, unknown>) => `  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/${name}@$CI_COMMIT_SHA
    inputs: ${JSON.stringify(inputs)}
`;

describe('gitlab components: bundle and verify-checksums', () => {
  it('bundles a recipe, hands the bundle to verify-checksums, and exports dotenv outputs', () => {
    const run = runPipeline(`stages: [deploy, check]
include:
${component('bundle', { deployer: 'argocd', repo: 'https://gitlab.example.com/ops/gitops.git', 'repo-path': 'clusters/prod', set: 'gpuoperator:driver.version=570.86.16\ncertmanager:extra.args=a,b c', 'accelerated-node-selector': 'nodeGroup=gpu', nodes: 4 })}
${component('verify-checksums', { 'job-name': 'verify' })}
check:
  stage: check
  needs: [aicr-bundle, verify]
  script:
    - test "$AICR_BUNDLE_DIR" = bundle
    - test "$AICR_BUNDLE_DEPLOYER" = argocd
    - test "$AICR_BUNDLE_CHECKSUMS_PATH" = bundle/checksums.txt
    - test "$AICR_BUNDLE_FILES" -gt 50
    - cd bundle && sha256sum -c --quiet checksums.txt
    - "grep -qx '    path: clusters/prod' app-of-apps.yaml"
    - cp 009-gpu-operator/values.yaml ../gpu-values.yaml && cp 003-cert-manager/values.yaml ../cm-values.yaml
`, { 'recipe.yaml': recipe });
    expect(run.exitCode, run.output).toBe(0);
    expect(parse(run.jobFile('check', 'gpu-values.yaml')!).driver.version).toBe('570.86.16');
    expect(parse(run.jobFile('check', 'cm-values.yaml')!).extra.args).toBe('a,b c');
    expect(run.output).toMatch(/verify.*all \d+ files match checksums\.txt/);
  });

  it('fails verify-checksums with exit code 12 on a tampered bundle and writes a Code Quality report', () => {
    const run = runPipeline(`stages: [deploy, tamper, check]
include:
${component('bundle', {})}
${component('verify-checksums', { 'job-name': 'verify', stage: 'check' })}
tamper:
  stage: tamper
  needs: [aicr-bundle]
  script:
    - echo '# edited' >> bundle/003-cert-manager/values.yaml
    - rm bundle/deploy.sh
  artifacts:
    paths: [bundle/]
verify:
  needs: [tamper]
`, { 'recipe.yaml': recipe });
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toMatch(/modified\s+003-cert-manager\/values\.yaml/);
    expect(run.output).toMatch(/missing\s+deploy\.sh/);
    const report = JSON.parse(run.jobFile('verify', 'gl-code-quality-report.json')!);
    expect(report.map((issue: { check_name: string }) => issue.check_name)).toEqual(['aicr-verify/modified', 'aicr-verify/missing']);
  });

  it('passes hostile values as data, never as shell', () => {
    const run = runPipeline(`stages: [deploy]
include:
${component('bundle', { set: 'certmanager:x=$(touch pwned1)\ncertmanager:y=`touch pwned2`"; touch pwned3; echo "', repo: '$(touch pwned4)' })}
`, { 'recipe.yaml': recipe });
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain('invalid --repo');
    for (const file of ['pwned1', 'pwned2', 'pwned3', 'pwned4']) expect(run.jobFile('aicr-bundle', file)).toBeUndefined();
    const ok = runPipeline(`stages: [deploy]
include:
${component('bundle', { set: 'certmanager:x=$(touch pwned1)\ncertmanager:y=`touch pwned2`"; touch pwned3; echo "' })}
`, { 'recipe.yaml': recipe });
    expect(ok.exitCode, ok.output).toBe(0);
    for (const file of ['pwned1', 'pwned2', 'pwned3']) expect(ok.jobFile('aicr-bundle', file)).toBeUndefined();
    const values = parse(ok.jobFile('aicr-bundle', 'bundle/003-cert-manager/values.yaml')!);
    expect(values.x).toBe('$(touch pwned1)');
    expect(values.y).toBe('`touch pwned2`"; touch pwned3; echo "');
  });

  it('rejects an output path outside its pattern and an unknown deployer before any job runs', () => {
    const escape = runPipeline(`include:\n${component('bundle', { output: '../escape' })}`, { 'recipe.yaml': recipe });
    expect(escape.exitCode).not.toBe(0);
    expect(escape.output).toContain("`output` input: `../escape` does not match required regex");
    const run = runPipeline(`include:\n${component('bundle', { deployer: 'kubectl' })}`);
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain('deployer');
  });
});

describe('gitlab components: bundle-time validations', () => {
  const data = {
    'data/registry.yaml': JSON.stringify({
      kind: 'ComponentRegistry',
      apiVersion: 'aicr.nvidia.com/v1alpha1',
      components: [{ name: 'tuner', displayName: 'tuner', validations: [{ function: 'CheckWildcardAcceleratedToleration', severity: 'error', conditions: { service: ['aks'] }, message: 'Pass keyed tolerations instead.' }] }],
    }),
    'recipe.yaml': JSON.stringify({
      kind: 'RecipeResult',
      apiVersion: 'aicr.nvidia.com/v1alpha1',
      metadata: { version: 'v1.0.0' },
      criteria: { service: 'aks' },
      componentRefs: [{ name: 'tuner', type: 'Helm', source: 'https://charts.example.com', chart: 'tuner', version: '1.0.0', namespace: 'tuner' }],
      deploymentOrder: ['tuner'],
    }),
  };

  it('a blocking finding fails the job and still uploads its Code Quality report; a keyed toleration passes with an empty one', () => {
    const blocked = runPipeline(`stages: [deploy]\ninclude:\n${component('bundle', { data: 'data' })}`, data);
    expect(blocked.exitCode).not.toBe(0);
    expect(blocked.output).toContain('tuner renders a wildcard (keyless) accelerated-node toleration. Pass keyed tolerations instead.');
    const report = JSON.parse(blocked.jobFile('aicr-bundle', 'gl-code-quality-bundle.json')!);
    expect(report).toEqual([expect.objectContaining({ check_name: 'aicr-bundle/CheckWildcardAcceleratedToleration', severity: 'blocker', location: { path: 'recipe.yaml', lines: { begin: 1 } } })]);
    const passed = runPipeline(`stages: [deploy]\ninclude:\n${component('bundle', { data: 'data', 'accelerated-node-toleration': 'nvidia.com/gpu:NoSchedule' })}`, data);
    expect(passed.exitCode, passed.output).toBe(0);
    expect(JSON.parse(passed.jobFile('aicr-bundle', 'gl-code-quality-bundle.json')!)).toEqual([]);
  });
});
