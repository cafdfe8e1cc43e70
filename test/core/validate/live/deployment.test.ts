/**
 * The deployment phase against the fake API server: every health check of the embedded
 * catalog passes on a healthy cluster and fails on a broken one, waits are watch-driven, step
 * timeouts fail with a clear message, and RBAC refusals are kept as errors naming the verb and
 * resource.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getKubeClient } from '../../../../src/core/kube/client.js';
import { ErrorCode } from '../../../../src/core/errors.js';
import { runLivePhases } from '../../../../src/core/validate/live/run.js';
import { runDeploymentPhase, type HealthCheckSource } from '../../../../src/core/validate/live/deployment.js';
import type { CheckTiming } from '../../../../src/core/validate/live/run-check.js';
import type { LiveCheckResult } from '../../../../src/core/validate/live/types.js';
import { useFakeCluster } from '../../../fake-kube/harness.js';
import { COMPONENTS, NOT_SIMULATED, breakageFor, crd, deployment, installComponents, liveRecipe, type Breakage } from './clusters.js';
import { pod } from '../../../fake-kube/index.js';
import { loadCatalog } from '../../../../src/core/catalog/embedded.js';
import type { RecipeResult } from '../../../../src/core/documents/types.js';

const cluster = useFakeCluster();

/** Generous: every wait below that passes ends at once, so this bound never decides a pass. */
const PASSING: CheckTiming = { defaultStepMs: 60_000, maxStepMs: 60_000, absentGraceMs: 30_000 };
/** Short: used only where a check must fail whatever the machine's speed. */
const FAILING: CheckTiming = { defaultStepMs: 800, maxStepMs: 800, absentGraceMs: 800 };

async function registryHealthCheck(component: string): Promise<HealthCheckSource | undefined> {
  const catalog = await loadCatalog();
  const file = catalog.components.get(component)?.healthCheck?.assertFile;
  return file ? { text: catalog.readText(file), origin: `recipes/${file}` } : undefined;
}

async function deploymentPhase(recipe: RecipeResult, timing: CheckTiming, kubeconfig = cluster.kubeconfig): Promise<LiveCheckResult[]> {
  const client = await getKubeClient({ kubeconfig, retry: { attempts: 1 } });
  return runDeploymentPhase({ recipe, client, signal: new AbortController().signal, log: () => {}, timing, registryHealthCheck });
}

const byName = (results: LiveCheckResult[]) => Object.fromEntries(results.map((r) => [r.name, r]));

/** What the GPU operator's check asserts besides its Deployment: its CRD and a ready ClusterPolicy. */
function seedGpuOperatorApis(): void {
  cluster.fake.create('namespaces', { metadata: { name: 'gpu-operator' } });
  cluster.fake.create('customresourcedefinitions', crd('clusterpolicies.nvidia.com', true));
  cluster.fake.create('clusterpolicies', { apiVersion: 'nvidia.com/v1', kind: 'ClusterPolicy', metadata: { name: 'cluster-policy' }, spec: {}, status: { state: 'ready' } });
}

describe('deployment phase: the embedded catalog', () => {
  it('covers every health check shipped in recipes/checks/, each simulated or listed with why not', () => {
    const shipped = readdirSync(join(process.cwd(), 'recipes', 'checks')).sort();
    const simulated = COMPONENTS.map((c) => c.name);
    expect([...simulated, ...Object.keys(NOT_SIMULATED)].sort()).toEqual(shipped);
    expect(simulated.filter((name) => name in NOT_SIMULATED)).toEqual([]);
  });

  it('passes every check on a healthy cluster', async () => {
    installComponents(cluster.fake);
    const results = byName(await deploymentPhase(liveRecipe(), PASSING));
    for (const component of COMPONENTS) {
      expect(results[`health-check/${component.name}`], component.name).toMatchObject({ status: 'passed', phase: 'deployment' });
    }
    expect(results['operator-health']).toMatchObject({ status: 'passed', message: '1/1 gpu-operator pods Running' });
    expect(results['expected-resources']).toMatchObject({ status: 'passed' });
    expect(results['gpu-operator-version']).toMatchObject({ status: 'passed', message: 'GPU operator v25.3.0 satisfies >= v24.6.0' });
    expect(results['check-nvidia-smi']).toMatchObject({ status: 'skipped' });
    // Healthy objects pass on the first list: not one watch was needed.
    expect(cluster.fake.requestsFor('watch', 'deployments')).toHaveLength(0);
  });

  it('fails every check on a broken cluster, each with the reason', async () => {
    const modes: Breakage[] = ['unavailable', 'pod-pending', 'pod-failed'];
    const broken = Object.fromEntries(COMPONENTS.map((c, i) => [c.name, breakageFor(c, modes[i % modes.length]!)]));
    installComponents(cluster.fake, broken);
    // Long enough for the steps that hold (the workload is fine, a pod is not) on a busy machine.
    const results = byName(await deploymentPhase(liveRecipe(), { defaultStepMs: 1500, maxStepMs: 1500, absentGraceMs: 1500 }));
    for (const component of COMPONENTS) {
      const result = results[`health-check/${component.name}`]!;
      if (component.noop) {
        // Upstream's OLM variants check nothing: a broken cluster cannot fail them.
        expect(result.status, component.name).toBe('passed');
        continue;
      }
      expect(result.status, component.name).toBe('failed');
      const mode = broken[component.name];
      const [workload] = component.workloads;
      if (component.skyhook) expect(result.message).toContain('status.status: expected "complete", got "in_progress"');
      else if (mode === 'unavailable' && !workload) expect(result.message, component.name).toMatch(new RegExp(`^step [a-z-]+: CustomResourceDefinition ${component.crds![0]!.replaceAll('.', '\\.')}: .*expected .*, got `));
      else if (mode === 'unavailable') expect(result.message, component.name).toMatch(/^step validate-[a-z-]+: (Deployment|DaemonSet|StatefulSet) .*(availableReplicas|numberReady|readyReplicas).*: expected true, got false/);
      else expect(result.message).toContain(`step validate-all-pods-healthy: Pod ${component.namespace}/${component.name}-stuck matches a forbidden shape (phase=${mode === 'pod-pending' ? 'Pending, waiting=ImagePullBackOff' : 'Failed'})`);
      expect(result.details?.length).toBeGreaterThan(0);
    }
  });
});

describe('deployment phase: expected resources', () => {
  it('checks namespaces and every expectedResource as upstream does', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'net' }, status: { phase: 'Active' } });
    cluster.fake.create('namespaces', { metadata: { name: 'gone' } });
    cluster.fake.patch('namespaces', undefined, 'gone', { status: { phase: 'Terminating' } });
    cluster.fake.create('deployments', deployment('net', 'ok', 1));
    cluster.fake.create('deployments', { ...deployment('net', 'scaled', 1), spec: { ...deployment('net', 'scaled', 1).spec, replicas: 3 } });
    cluster.fake.create('configmaps', { metadata: { name: 'settings', namespace: 'net' }, data: {} });
    const recipe = liveRecipe({
      componentRefs: [
        { name: 'network-operator', namespace: 'net', healthCheckSkip: true, expectedResources: [
          { kind: 'Deployment', name: 'ok' }, { kind: 'Deployment', name: 'scaled' }, { kind: 'ConfigMap', name: 'settings' },
          { kind: 'Service', name: 'missing' }, { kind: 'Ingress', name: 'web' },
        ] },
        { name: 'other', namespace: 'gone' },
        { name: 'disabled', namespace: 'nowhere', overrides: { enabled: false } },
      ],
      validation: { deployment: { checks: ['expected-resources'] } },
    });
    const result = byName(await deploymentPhase(recipe, PASSING))['expected-resources']!;
    expect(result).toMatchObject({ status: 'failed', message: '4 of 7 expected resources missing or unhealthy: Namespace gone: Terminating, not Active' });
    expect(result.details).toEqual([
      'Namespace gone: Terminating, not Active',
      'Deployment net/scaled (network-operator): not healthy: 1/3 replicas available',
      'Service net/missing (network-operator): not found',
      'Ingress net/web (network-operator): unsupported resource kind "Ingress" (supported: Deployment, DaemonSet, StatefulSet, Service, ConfigMap, Secret)',
    ]);
  });
});

describe('deployment phase: waiting', () => {
  it('passes as soon as an object becomes ready during the step, driven by the watch', async () => {
    seedGpuOperatorApis();
    cluster.fake.create('deployments', deployment('gpu-operator', 'gpu-operator', 0));
    const recipe = liveRecipe({ componentRefs: [{ name: 'gpu-operator', namespace: 'gpu-operator' }], validation: { deployment: { checks: ['expected-resources'] } } });
    const started = Date.now();
    const pending = deploymentPhase(recipe, { defaultStepMs: 120_000, maxStepMs: 120_000, absentGraceMs: 120_000 });
    // Synchronisation, not an outcome: wait until the check is watching, then make it ready.
    while (cluster.fake.requestsFor('watch', 'deployments').length === 0) await new Promise((r) => setTimeout(r, 10));
    cluster.fake.patch('deployments', 'gpu-operator', 'gpu-operator', { status: { availableReplicas: 1, readyReplicas: 1 } });
    const results = byName(await pending);
    expect(results['health-check/gpu-operator']).toMatchObject({ status: 'passed' });
    expect(Date.now() - started).toBeLessThan(60_000);
    // One list, one watch: no polling.
    expect(cluster.fake.requestsFor('list', 'deployments')).toHaveLength(1);
    expect(cluster.fake.requestsFor('watch', 'deployments')).toHaveLength(1);
  });

  it('passes an error step as soon as the forbidden pod recovers', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'kai-scheduler' } });
    cluster.fake.create('deployments', deployment('kai-scheduler', 'kai-operator', 1));
    const stuck = pod({ name: 'kai-operator-1', namespace: 'kai-scheduler', images: ['x'] });
    stuck.status = { phase: 'Pending' };
    cluster.fake.create('pods', stuck);
    const recipe = liveRecipe({ componentRefs: [{ name: 'kai-scheduler', namespace: 'kai-scheduler' }], validation: { deployment: { checks: ['expected-resources'] } } });
    const pending = deploymentPhase(recipe, { defaultStepMs: 120_000, maxStepMs: 120_000, absentGraceMs: 120_000 });
    while (cluster.fake.requestsFor('watch', 'pods').length === 0) await new Promise((r) => setTimeout(r, 10));
    cluster.fake.patch('pods', 'kai-scheduler', 'kai-operator-1', { status: { phase: 'Running' } });
    expect(byName(await pending)['health-check/kai-scheduler']).toMatchObject({ status: 'passed' });
    // One list per error operation (Pending, Failed, Unknown, waiting containers, waiting init containers); only the first had to watch.
    expect(cluster.fake.requestsFor('list', 'pods')).toHaveLength(5);
    expect(cluster.fake.requestsFor('watch', 'pods')).toHaveLength(1);
  });

  it('stops waiting at once when interrupted', async () => {
    seedGpuOperatorApis();
    cluster.fake.create('deployments', deployment('gpu-operator', 'gpu-operator', 0));
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfig });
    const controller = new AbortController();
    const run = runLivePhases({
      phases: ['deployment', 'performance'],
      recipe: liveRecipe({ componentRefs: [{ name: 'gpu-operator', namespace: 'gpu-operator' }], validation: { deployment: { checks: ['expected-resources'] } } }),
      client,
      settings: { namespace: 'aicr-validation', imagePullSecrets: [], nodeSelector: {}, tolerations: [], timeoutMs: 120_000, noCleanup: false, requireGpu: false },
      timing: { defaultStepMs: 120_000, maxStepMs: 120_000, absentGraceMs: 120_000 },
      signal: controller.signal,
      log: () => {},
    });
    while (cluster.fake.requestsFor('watch', 'deployments').length === 0) await new Promise((r) => setTimeout(r, 10));
    controller.abort(new Error('SIGINT'));
    await expect(run).rejects.toThrow(/cancelled|SIGINT/);
  });

  it('fails a step that times out with what it last saw', async () => {
    seedGpuOperatorApis();
    cluster.fake.create('deployments', deployment('gpu-operator', 'gpu-operator', 0));
    const recipe = liveRecipe({ componentRefs: [{ name: 'gpu-operator', namespace: 'gpu-operator' }], validation: { deployment: { checks: ['expected-resources'] } } });
    const results = byName(await deploymentPhase(recipe, { defaultStepMs: 300, maxStepMs: 300, absentGraceMs: 300 }));
    expect(results['health-check/gpu-operator']!.message).toBe(
      'step validate-deployment-exists: Deployment gpu-operator/gpu-operator: status.(availableReplicas > `0`): expected true, got false (still so after 0.3s)',
    );
    expect(results['expected-resources']).toMatchObject({ status: 'passed' });
  });

  it('gives up on an object that never appears after the absent grace', async () => {
    const recipe = liveRecipe({ componentRefs: [{ name: 'kai-scheduler', namespace: 'kai-scheduler' }], validation: { deployment: { checks: ['expected-resources'] } } });
    const results = byName(await deploymentPhase(recipe, { defaultStepMs: 120_000, maxStepMs: 120_000, absentGraceMs: 200 }));
    expect(results['health-check/kai-scheduler']!.message).toBe('step validate-deployment-exists: Deployment kai-scheduler/kai-operator: not found (nothing appeared within 0.2s)');
    expect(results['expected-resources']).toMatchObject({ status: 'failed', message: '1 of 1 expected resources missing or unhealthy: Namespace kai-scheduler: not found' });
  });
});

describe('deployment phase: inline health checks', () => {
  const inline = (body: string) => `apiVersion: chainsaw.kyverno.io/v1alpha1\nkind: Test\nmetadata:\n  name: inline\nspec:\n  timeouts:\n    assert: 30s\n  steps:\n    - name: s\n      try:\n${body}`;
  const recipeWith = (asserts: string, extra: Partial<RecipeResult['componentRefs'][number]> = {}) =>
    liveRecipe({ componentRefs: [{ name: 'gpu-operator', namespace: 'gpu-operator', healthCheckAsserts: asserts, ...extra }], validation: { deployment: { checks: ['expected-resources'] } } });
  const crdAssert = (name: string) => `        - assert:\n            resource:\n              apiVersion: apiextensions.k8s.io/v1\n              kind: CustomResourceDefinition\n              metadata:\n                name: ${name}\n              status:\n                (conditions[?type == 'Established']):\n                  - status: "True"\n`;
  const policyAssert = `        - assert:\n            resource:\n              apiVersion: nvidia.com/v1\n              kind: ClusterPolicy\n              metadata:\n                name: cluster-policy\n              status:\n                state: ready\n`;
  const crashLoop = "        - error:\n            resource:\n              apiVersion: v1\n              kind: Pod\n              metadata:\n                namespace: gpu-operator\n              status:\n                ((containerStatuses || `[]`)[?state.waiting.reason == 'CrashLoopBackOff'] | length(@) > `0`): true\n";

  it('matches CRD conditions with a JMESPath filter key, ClusterPolicy status and container states', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-operator' } });
    cluster.fake.create('customresourcedefinitions', crd('clusterpolicies.nvidia.com', true));
    cluster.fake.create('clusterpolicies', { apiVersion: 'nvidia.com/v1', kind: 'ClusterPolicy', metadata: { name: 'cluster-policy' }, spec: {}, status: { state: 'ready' } });
    const results = byName(await deploymentPhase(recipeWith(inline(crdAssert('clusterpolicies.nvidia.com') + policyAssert + crashLoop)), PASSING));
    expect(results['health-check/gpu-operator']).toMatchObject({ status: 'passed', message: '1 step(s), 3 assertion(s) hold' });
  });

  it('fails them the other way round', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-operator' } });
    cluster.fake.create('customresourcedefinitions', crd('clusterpolicies.nvidia.com', false));
    const crashing = pod({ name: 'op', namespace: 'gpu-operator', images: ['a', 'b'] });
    crashing.status.containerStatuses[1].state = { waiting: { reason: 'CrashLoopBackOff' } };
    cluster.fake.create('pods', crashing);
    const crdResult = byName(await deploymentPhase(recipeWith(inline(crdAssert('clusterpolicies.nvidia.com'))), FAILING))['health-check/gpu-operator']!;
    expect(crdResult.message).toContain(`status.(conditions[?type == 'Established'])[0].status: expected "True", got "False"`);
    const podResult = byName(await deploymentPhase(recipeWith(inline(crashLoop)), FAILING))['health-check/gpu-operator']!;
    expect(podResult.message).toContain('Pod gpu-operator/op matches a forbidden shape (phase=Running, waiting=CrashLoopBackOff)');
    const missing = byName(await deploymentPhase(recipeWith(inline(policyAssert)), FAILING))['health-check/gpu-operator']!;
    expect(missing.message).toContain('ClusterPolicy cluster-policy: not found');
  });

  it('honours the timeouts the health check itself sets, per step and per operation', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-operator' } });
    cluster.fake.create('clusterpolicies', { apiVersion: 'nvidia.com/v1', kind: 'ClusterPolicy', metadata: { name: 'cluster-policy' }, spec: {}, status: { state: 'notReady' } });
    const stepTimeout = inline(policyAssert).replace('      try:\n', '      timeouts:\n        assert: 300ms\n      try:\n');
    const step = byName(await deploymentPhase(recipeWith(stepTimeout), PASSING))['health-check/gpu-operator']!;
    expect(step.message).toBe('step s: ClusterPolicy cluster-policy: status.state: expected "ready", got "notReady" (still so after 0.3s)');
    const opTimeout = inline(policyAssert.replace('        - assert:\n', '        - assert:\n            timeout: 200ms\n'));
    const op = byName(await deploymentPhase(recipeWith(opTimeout), PASSING))['health-check/gpu-operator']!;
    expect(op.message).toBe('step s: ClusterPolicy cluster-policy: status.state: expected "ready", got "notReady" (still so after 0.2s)');
  });

  it('fails an assert on a kind the server does not serve, and passes an error on it', async () => {
    const skyhookAssert = `        - assert:\n            resource:\n              apiVersion: example.com/v1\n              kind: Widget\n              metadata:\n                name: w\n`;
    const result = byName(await deploymentPhase(recipeWith(inline(skyhookAssert)), PASSING))['health-check/gpu-operator']!;
    expect(result).toMatchObject({ status: 'failed', message: 'step s: Widget w: the API server does not serve Widget in example.com/v1 (is its CRD installed?)' });
    const asError = byName(await deploymentPhase(recipeWith(inline(skyhookAssert.replace('assert', 'error'))), PASSING))['health-check/gpu-operator']!;
    expect(asError.status).toBe('passed');
  });

  it('refuses operations that would change the cluster, and unsupported constructs, as errors', async () => {
    const apply = `        - apply:\n            resource:\n              apiVersion: v1\n              kind: ConfigMap\n              metadata:\n                name: x\n`;
    const applied = byName(await deploymentPhase(recipeWith(inline(apply)), PASSING))['health-check/gpu-operator']!;
    expect(applied.status).toBe('error');
    expect(applied.message).toContain('only assert and error operations are evaluated (the deployment phase is read-only), not apply');
    const iteration = `        - assert:\n            resource:\n              apiVersion: v1\n              kind: Pod\n              metadata:\n                namespace: x\n              ~.(spec.containers):\n                image: x\n`;
    const iterated = byName(await deploymentPhase(recipeWith(inline(iteration)), PASSING))['health-check/gpu-operator']!;
    expect(iterated).toMatchObject({ status: 'error' });
    expect(iterated.message).toContain('iteration (~) and bindings (->) are not supported');
    expect(cluster.fake.requestsFor('create', 'configmaps')).toHaveLength(0);
  });

  it('never reports a Secret\'s values, and strips control characters from cluster text', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-operator' } });
    cluster.fake.create('secrets', { metadata: { name: 'db', namespace: 'gpu-operator' }, data: { password: 'c3VwZXItc2VjcmV0' } });
    const hostile = pod({ name: 'op', namespace: 'gpu-operator', images: ['a'] });
    hostile.status = { phase: 'Pending', containerStatuses: [{ name: 'c0', state: { waiting: { reason: '\u001b[31mBad\u0007\n::error::x' } } }] };
    cluster.fake.create('pods', hostile);
    const secretAssert = `        - assert:\n            resource:\n              apiVersion: v1\n              kind: Secret\n              metadata:\n                name: db\n                namespace: gpu-operator\n              data:\n                password: bm9wZQ==\n`;
    const pendingError = `        - error:\n            resource:\n              apiVersion: v1\n              kind: Pod\n              metadata:\n                namespace: gpu-operator\n              status:\n                phase: Pending\n`;
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfig });
    const live = async (asserts: string) => byName((await runLivePhases({
      phases: ['deployment'],
      recipe: recipeWith(inline(asserts)),
      client,
      settings: { namespace: 'aicr-validation', imagePullSecrets: [], nodeSelector: {}, tolerations: [], timeoutMs: 1000, noCleanup: false, requireGpu: false },
      timing: FAILING,
      signal: new AbortController().signal,
      log: () => {},
    })).results)['health-check/gpu-operator']!;
    const secret = await live(secretAssert);
    expect(secret.message).toBe('step s: Secret gpu-operator/db: data.password: does not match (Secret values are not shown) (still so after 0.8s)');
    expect(JSON.stringify(secret)).not.toContain('c3VwZXItc2VjcmV0');
    const pending = await live(pendingError);
    expect(pending.message).toBe('step s: Pod gpu-operator/op matches a forbidden shape (phase=Pending, waiting=Bad ::error::x) (still so after 0.8s)');
  });

  it('honours healthCheckSkip', async () => {
    const results = byName(await deploymentPhase(liveRecipe({ componentRefs: [{ name: 'gpu-operator', namespace: 'gpu-operator', healthCheckSkip: true }], validation: { deployment: { checks: ['expected-resources'] } } }), FAILING));
    expect(results['health-check/gpu-operator']).toMatchObject({ status: 'skipped', message: 'healthCheckSkip is set for this component in the recipe' });
  });
});

describe('deployment phase: RBAC', () => {
  it('keeps a refusal as an error naming the verb and resource, and returns it for exit code 4', async () => {
    installComponents(cluster.fake);
    cluster.fake.users.set('reader-token', { name: 'reader', rules: [{ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods', 'namespaces'] }] });
    const client = await getKubeClient({ kubeconfig: cluster.kubeconfigFor('reader-token'), retry: { attempts: 1 } });
    const run = await runLivePhases({
      phases: ['deployment'],
      recipe: liveRecipe({ componentRefs: [{ name: 'gpu-operator', namespace: 'gpu-operator' }] }),
      client,
      settings: { namespace: 'aicr-validation', imagePullSecrets: [], nodeSelector: {}, tolerations: [], timeoutMs: 1000, noCleanup: false, requireGpu: false },
      timing: PASSING,
      signal: new AbortController().signal,
      log: () => {},
    });
    const results = byName(run.results);
    expect(results['operator-health']!.status).toBe('passed');
    expect(results['gpu-operator-version']).toMatchObject({ status: 'error' });
    expect(results['gpu-operator-version']!.message).toMatch(/denied "get" on deployments\.apps in namespace "gpu-operator"/);
    expect(results['health-check/gpu-operator']).toMatchObject({ status: 'error' });
    // Its check's first step lists CustomResourceDefinitions, which the reader may not.
    expect(results['health-check/gpu-operator']!.message).toMatch(/denied "list" on customresourcedefinitions\.apiextensions\.k8s\.io/);
    expect(run.clusterError?.code).toBe(ErrorCode.Unauthorized);
  });
});
