// --readiness-hooks: the gate chart per component with a readiness test, compared with upstream's
// readiness_gate goldens, rendered by the real helm, and refused where upstream refuses it.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir, writeTree } from '../../helpers/catalog.js';
import { rejection as failure } from '../../helpers/errors.js';
import { SHARED } from '../../helpers/paths.js';
import { renderOptionRefs } from '../../../src/core/option-refs.js';
import { toYaml } from '../../../src/core/serialize.js';
import { fileText, generate, helmBinary, validateObjects, writeGenerated, yamlDocuments } from './support.js';

const GOLDEN = join(SHARED, 'upstream', 'aicr-main-2026-08-21', 'pkg', 'bundler', 'deployer');
const goldenGate = (deployer: string): string => readFileSync(join(GOLDEN, deployer, 'testdata', 'readiness_gate', '002-gpu-operator-readiness', 'templates', 'readiness.yaml'), 'utf8');
/** The Chainsaw test upstream's golden embeds, as the catalog file it came from. */
const goldenTest = (): string => (yamlDocuments(goldenGate('argocd')).find((doc) => doc.kind === 'ConfigMap')!.data as Record<string, string>)['gpu-operator.yaml']!;

function gateCatalog(test = goldenTest()): { data: string; recipe: string } {
  const data = writeTree({ 'registry.yaml': { kind: 'ComponentRegistry', apiVersion: 'aicr.run/v1beta1', components: [] }, 'components/gpu-operator/readiness.yaml': test });
  const recipe = join(tempDir(), 'recipe.yaml');
  writeFileSync(recipe, toYaml({
    kind: 'RecipeResult', apiVersion: 'aicr.nvidia.com/v1alpha1', metadata: { version: 'v0.1.0' },
    componentRefs: [
      { name: 'gpu-operator', namespace: 'gpu-operator', type: 'Helm', source: 'https://helm.ngc.nvidia.com/nvidia', version: 'v25.3.3', overrides: { driver: { version: '580' } } },
      { name: 'cert-manager', namespace: 'cert-manager', type: 'Helm', source: 'https://charts.jetstack.io', version: 'v1.17.2' },
    ],
    deploymentOrder: ['gpu-operator', 'cert-manager'],
  }));
  return { data, recipe };
}

describe('--readiness-hooks', () => {
  it.each(['argocd', 'argocdhelm'] as const)('%s: a gate folder right after the component, equal to upstream\'s golden object for object', async (deployer) => {
    const { data, recipe } = gateCatalog();
    const bundle = await generate(recipe, { data, deployer, readinessHooks: true, toolVersion: 'v0.0.0-golden', repo: 'https://github.com/example/aicr-bundles.git' });
    expect(bundle.plan.folders.map((folder) => folder.dir)).toEqual(['001-gpu-operator', '002-gpu-operator-readiness', '003-cert-manager']);
    const ours = yamlDocuments(fileText(bundle, '002-gpu-operator-readiness/templates/readiness.yaml'));
    expect(ours).toEqual(yamlDocuments(goldenGate(deployer)));
    if (deployer === 'argocd') {
      const app = yamlDocuments(fileText(bundle, '002-gpu-operator-readiness/application.yaml'))[0] as any;
      expect(app.spec.source.path).toBe('002-gpu-operator-readiness');
      expect(app.spec.destination.namespace).toBe('gpu-operator');
    }
  });

  it('helm: the Job is a post-install hook helm waits for (95m, one try); the chart renders with the real helm and validates', async () => {
    const { data, recipe } = gateCatalog();
    const { dir, bundle } = await writeGenerated(recipe, { data, readinessHooks: true });
    const job = yamlDocuments(fileText(bundle, '002-gpu-operator-readiness/templates/readiness.yaml')).find((doc) => doc.kind === 'Job') as any;
    expect(job.metadata.annotations).toEqual({ 'helm.sh/hook': 'post-install,post-upgrade', 'helm.sh/hook-delete-policy': 'before-hook-creation' });
    expect(job.spec.template.spec.containers[0].image).toBe('ghcr.io/nvidia/aicr-gate:v1.0.0');
    expect(fileText(bundle, 'deploy.sh')).toContain('002-gpu-operator-readiness gpu-operator-readiness gpu-operator 95m 1 wait');
    expect(parse(fileText(bundle, '002-gpu-operator-readiness/Chart.yaml')).name).toBe('gpu-operator-readiness');
    const helm = helmBinary();
    if (!helm.path) return;
    const rendered = spawnSync(helm.path, ['template', 'gate', join(dir, '002-gpu-operator-readiness'), '--namespace', 'gpu-operator'], { encoding: 'utf8' });
    expect(rendered.status, rendered.stderr).toBe(0);
    const outcome = await validateObjects([{ path: 'helm template', content: rendered.stdout }]);
    expect(outcome.validated.map((entry) => entry.split(': ')[1]).sort()).toEqual(['ClusterRole/gpu-operator-readiness-gate-gpu-operator', 'ClusterRoleBinding/gpu-operator-readiness-gate-gpu-operator', 'ConfigMap/gpu-operator-readiness-bundle', 'Job/gpu-operator-readiness-gate', 'ServiceAccount/gpu-operator-readiness-gate']);
  });

  it('adds nothing without the flag, or for a component without readiness.yaml', async () => {
    const { data, recipe } = gateCatalog();
    expect((await generate(recipe, { data })).plan.folders.map((folder) => folder.dir)).toEqual(['001-gpu-operator', '002-cert-manager']);
  });

  it.each([
    [{ deployer: 'flux' as const }, undefined, '--readiness-hooks is not supported with deployer "flux"; supported deployers: helm, argocd, argocdhelm'],
    [{ deployer: 'helmfile' as const }, undefined, '--readiness-hooks is not supported with deployer "helmfile"; supported deployers: helm, argocd, argocdhelm'],
    [{}, 'apiVersion: v1\nkind: Test\n', 'readiness gate for gpu-operator: apiVersion must be chainsaw.kyverno.io/*, got "v1"'],
    [{}, 'apiVersion: chainsaw.kyverno.io/v1alpha1\nkind: Step\n', 'readiness gate for gpu-operator: kind must be Test, got "Step"'],
  ])('rejects %j %j (exit 2)', async (options, test, message) => {
    const { data, recipe } = gateCatalog(test);
    const error = await failure(generate(recipe, { data, readinessHooks: true, repo: 'https://github.com/example/b.git', ...options }));
    expect(renderOptionRefs(error.message)).toBe(message);
    expect(error.exitCode).toBe(2);
  });
});
