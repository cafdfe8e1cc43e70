/**
 * The performance and conformance phases: the validator containers the recipe declares for the
 * phase run one after another as Jobs in the validation namespace, and each one's verdict comes
 * back as a check result.
 *
 * A run, in order (module in brackets):
 * 1. Picks the validators (unknown, misplaced or repeated check names fail at once, exit 2) and
 *    resolves required dependency affinities before any request [validator-catalog].
 * 2. Validators whose workloads need a GPU node are skipped (failed with `--require-gpu`) when
 *    the cluster has no schedulable GPU node: Ready, not cordoned, matching `--node-selector`,
 *    its taints tolerated.
 * 3. Asks the API server whether the caller may do all that follows; every denial is reported at
 *    once, before anything is created (exit 4) [validator-permissions].
 * 4. Creates, under names unique to the run: the namespace if missing, a ServiceAccount bound to
 *    cluster-admin, the snapshot, recipe and validation ConfigMaps, then one Job per validator
 *    [validator-job]. A refusal by RBAC ends the run with exit 4 naming verb and resource.
 * 5. Waits for each Job with watches and reads its verdict [validator-wait].
 * 6. Always (success, failure, timeout, SIGINT/SIGTERM), unless `--no-cleanup`: deletes each Job
 *    (with its pods) once read, and everything else at the end, under a deadline of its own.
 */
import { setMaxListeners } from 'node:events';
import { AicrError, errorMessage } from '../../errors.js';
import { apiPath, type KubeClient } from '../../kube/client.js';
import { classifyFailure, type KubeAction } from '../../kube/errors.js';
import { isStatus, removeObjects, type CreatedObject } from '../../kube/agent/cleanup.js';
import { jobOutcome } from '../../kube/agent/job.js';
import { cancellation } from '../../kube/retry.js';
import type { Snapshot } from '../../documents/types.js';
import type { LiveCheckResult, Toleration, ValidatorJobSettings, ValidatorPhaseRequest } from './types.js';
import { loadValidatorCatalog, resolveDependency, selectValidators, type ValidatorEntry } from './validator-catalog.js';
import { checkValidatorSettings, jobNameOf, planValidatorRun, removalCommand, runManifests, validatorJob, validatorTimeoutMs, RUN_ID_LABEL, type KubeObject, type ValidatorRunPlan } from './validator-job.js';
import { checkValidatorPermissions } from './validator-permissions.js';
import { readVerdict, waitForValidator, type WaitOutcome } from './validator-wait.js';

/**
 * What the validate step may add to a {@link ValidatorPhaseRequest} (through {@link runValidators}):
 * the snapshot the validators read, as upstream mounts the run's snapshot. Without it they read
 * one with no measurements, and checks that compare against the snapshot skip or fail.
 */
export interface ValidatorPhaseExtras {
  /** The snapshot: its text as read (YAML or JSON) or the parsed document. */
  snapshot?: Snapshot | string;
  /** Test seam: the run id (default random). */
  runId?: string;
}

const EMPTY_SNAPSHOT = 'apiVersion: aicr.run/v1\nkind: Snapshot\nmeasurements: []\n';

/** Runs the validators the recipe declares for the phase; see the overview above. */
export function runValidatorPhase(request: ValidatorPhaseRequest): Promise<LiveCheckResult[]> {
  return runValidators(request);
}

/** {@link runValidatorPhase} with the snapshot the validators read. */
export async function runValidators(request: ValidatorPhaseRequest & ValidatorPhaseExtras): Promise<LiveCheckResult[]> {
  const { phase, recipe, client, settings, log } = request;
  // One internal signal follows the caller's; many requests listen to it at once (two watches
  // per validator, access reviews).
  const internal = new AbortController();
  setMaxListeners(0, internal.signal);
  const forward = (): void => internal.abort(request.signal.reason);
  request.signal.addEventListener('abort', forward, { once: true });
  if (request.signal.aborted) forward();
  const signal = internal.signal;
  try {
    if (signal.aborted) throw cancellation(signal);
    checkValidatorSettings(settings);
    const entries = selectValidators(await loadValidatorCatalog(), phase, recipe);
    if (entries.length === 0) {
      log(`${phase}: the recipe declares no ${phase} checks`);
      return [];
    }
    for (const entry of entries) for (const dep of entry.dependencyAffinity) resolveDependency(entry, dep, recipe.componentRefs ?? []);
    const results = new Map<string, LiveCheckResult>();
    const runnable: ValidatorEntry[] = [];
    const gpuNodes = entries.some((e) => e.needsGpu) ? await countSchedulableGpuNodes(client, settings, signal, log) : undefined;
    for (const entry of entries) {
      if (entry.needsGpu && gpuNodes === 0) results.set(entry.name, noGpuResult(entry, settings));
      else runnable.push(entry);
    }
    if (runnable.length) {
      const plan = planValidatorRun(phase, settings.namespace, request.runId);
      await checkValidatorPermissions(client, plan.namespace, !settings.noCleanup, signal);
      const run = new PhaseRun(client, plan, settings, signal, log);
      let failed = false;
      try {
        await run.prepare(recipe, typeof request.snapshot === 'object' ? `${JSON.stringify(request.snapshot, null, 2)}\n` : request.snapshot);
        for (const entry of runnable) results.set(entry.name, await run.runValidator(entry, recipe));
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        await run.release(failed);
      }
    }
    return entries.map((entry) => results.get(entry.name)!);
  } catch (error) {
    if (signal.aborted) throw cancellation(signal);
    throw error;
  } finally {
    request.signal.removeEventListener('abort', forward);
  }
}

function noGpuResult(entry: ValidatorEntry, settings: ValidatorJobSettings): LiveCheckResult {
  const why = 'no schedulable GPU node: none is Ready, not cordoned, advertising nvidia.com/gpu, matching --node-selector and with its taints tolerated by --toleration';
  return {
    phase: entry.phase,
    name: entry.name,
    status: settings.requireGpu ? 'failed' : 'skipped',
    message: settings.requireGpu ? `${why} (--require-gpu)` : why,
    durationMs: 0,
  };
}

function tolerates(tolerations: readonly Toleration[], taint: KubeObject): boolean {
  if (taint.effect === 'PreferNoSchedule') return true;
  // No --toleration: the inner workloads tolerate everything, as upstream's default.
  if (tolerations.length === 0) return true;
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (!t.key) return t.operator === 'Exists';
    if (t.key !== taint.key) return false;
    return t.operator === 'Exists' || (t.value ?? '') === (taint.value ?? '');
  });
}

/** Nodes that can run a GPU workload of the run; undefined when nodes cannot be listed. */
async function countSchedulableGpuNodes(client: KubeClient, settings: ValidatorJobSettings, signal: AbortSignal, log: (line: string) => void): Promise<number | undefined> {
  let count = 0;
  try {
    for await (const page of client.jsonPages<KubeObject>({ verb: 'list', resource: 'nodes' }, '/api/v1/nodes', { signal })) {
      for (const node of page) {
        const labels: Record<string, string> = node.metadata?.labels ?? {};
        const gpus = Number(node.status?.allocatable?.['nvidia.com/gpu'] ?? 0);
        if (!(gpus > 0 || labels['nvidia.com/gpu.present'] === 'true')) continue;
        if (node.spec?.unschedulable === true) continue;
        if (!(node.status?.conditions ?? []).some((c: KubeObject) => c.type === 'Ready' && c.status === 'True')) continue;
        if (!Object.entries(settings.nodeSelector).every(([key, value]) => labels[key] === value)) continue;
        if (!(node.spec?.taints ?? []).every((taint: KubeObject) => tolerates(settings.tolerations, taint))) continue;
        count++;
      }
    }
  } catch (error) {
    if (signal.aborted) throw error;
    log(`could not list nodes to look for GPU nodes (${errorMessage(error)}); validators that need one run anyway`);
    return undefined;
  }
  return count;
}

/** The objects of one phase run: creating them, running each validator, removing them. */
class PhaseRun {
  private readonly created: CreatedObject[] = [];

  constructor(
    private readonly client: KubeClient,
    private readonly plan: ValidatorRunPlan,
    private readonly settings: ValidatorJobSettings,
    private readonly signal: AbortSignal,
    private readonly log: (line: string) => void,
  ) {}

  private collection(kind: string): string {
    const ns = this.plan.namespace;
    const paths: Record<string, string> = {
      ServiceAccount: apiPath`/api/v1/namespaces/${ns}/serviceaccounts`,
      ConfigMap: apiPath`/api/v1/namespaces/${ns}/configmaps`,
      ClusterRoleBinding: '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
      Job: apiPath`/apis/batch/v1/namespaces/${ns}/jobs`,
    };
    return paths[kind]!;
  }

  /** Creates an object, registered first so an interrupted create is still removed. */
  private async create(kind: string, action: KubeAction, body: KubeObject, deleteQuery?: Record<string, string>): Promise<{ object: KubeObject; entry: CreatedObject }> {
    const name = String(body.metadata.name);
    const namespaced = kind !== 'ClusterRoleBinding';
    const path = `${this.collection(kind)}/${encodeURIComponent(name)}`;
    const entry: CreatedObject = {
      kind,
      name,
      ...(namespaced ? { namespace: this.plan.namespace } : {}),
      confirmed: false,
      remove: (s) => this.client.call({ ...action, verb: 'delete', name }, { method: 'DELETE', path, ...(deleteQuery ? { query: deleteQuery } : {}) }, { signal: s }),
    };
    this.created.push(entry);
    try {
      const object = await this.client.call<KubeObject>(action, { method: 'POST', path: this.collection(kind), body }, { signal: this.signal });
      entry.confirmed = true;
      return { object, entry };
    } catch (error) {
      if (classifyFailure(error instanceof AicrError ? error.cause : error).kind === 'http') entry.confirmed = true;
      // A create retried after a lost answer meets the object its first attempt made.
      if (isStatus(error, 409)) {
        const existing = await this.client.getObject<KubeObject>({ ...action, verb: 'get', name }, path, { signal: this.signal }).catch(() => undefined);
        if (existing?.metadata?.labels?.[RUN_ID_LABEL] === this.plan.runId) return { object: existing, entry };
      }
      throw error;
    }
  }

  /** The namespace (created when missing), the ServiceAccount and its binding, the data ConfigMaps. */
  async prepare(recipe: ValidatorPhaseRequest['recipe'], snapshotText: string | undefined): Promise<void> {
    const { plan } = this;
    const ns = plan.namespace;
    this.log(`${plan.phase}: validator run ${plan.runId} in namespace ${ns} through ${this.client.source}`);
    await this.ensureNamespace();
    if (snapshotText === undefined) this.log(`${plan.phase}: no snapshot was given; validators read one without measurements`);
    const manifests = runManifests(plan, recipe, snapshotText ?? EMPTY_SNAPSHOT);
    await this.create('ServiceAccount', { verb: 'create', resource: 'serviceaccounts', namespace: ns }, manifests.serviceAccount);
    await this.create('ClusterRoleBinding', { verb: 'create', resource: 'clusterrolebindings', group: 'rbac.authorization.k8s.io' }, manifests.clusterRoleBinding);
    await this.create('ConfigMap', { verb: 'create', resource: 'configmaps', namespace: ns }, manifests.snapshot);
    await this.create('ConfigMap', { verb: 'create', resource: 'configmaps', namespace: ns }, manifests.recipe);
    await this.create('ConfigMap', { verb: 'create', resource: 'configmaps', namespace: ns }, manifests.validation);
  }

  private async ensureNamespace(): Promise<void> {
    const name = this.plan.namespace;
    const path = apiPath`/api/v1/namespaces/${name}`;
    try {
      await this.client.getObject({ verb: 'get', resource: 'namespaces', name }, path, { signal: this.signal });
      return;
    } catch (error) {
      // Without permission to read namespaces, assume it exists: the creates below will say if not.
      if (isStatus(error, 403)) return;
      if (!isStatus(error, 404)) throw error;
    }
    const entry: CreatedObject = { kind: 'Namespace', name, confirmed: false, remove: (s) => this.client.call({ verb: 'delete', resource: 'namespaces', name }, { method: 'DELETE', path }, { signal: s }) };
    this.created.push(entry);
    try {
      const body = { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { ...this.plan.labels } } };
      await this.client.call({ verb: 'create', resource: 'namespaces' }, { method: 'POST', path: '/api/v1/namespaces', body }, { signal: this.signal });
      entry.confirmed = true;
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
      // Someone else made it meanwhile (or our own lost first attempt): only ours is ours to delete.
      const existing = await this.client.getObject<KubeObject>({ verb: 'get', resource: 'namespaces', name }, path, { signal: this.signal }).catch(() => undefined);
      if (existing?.metadata?.labels?.[RUN_ID_LABEL] !== this.plan.runId) this.created.splice(this.created.indexOf(entry), 1);
      else entry.confirmed = true;
    }
  }

  /** One validator: its Job, the wait, the verdict, and the Job removed (with its pods) right after. */
  async runValidator(entry: ValidatorEntry, recipe: ValidatorPhaseRequest['recipe']): Promise<LiveCheckResult> {
    const { plan } = this;
    const timeoutMs = validatorTimeoutMs(entry, this.settings);
    const startedAt = Date.now();
    const body = validatorJob(plan, entry, recipe, this.settings);
    const jobName = jobNameOf(plan, entry);
    // batch/v1 Jobs orphan their pods by default: delete those with the Job.
    const { object: job, entry: created } = await this.create('Job', { verb: 'create', resource: 'jobs', group: 'batch', namespace: plan.namespace }, body, { propagationPolicy: 'Background' });
    this.log(`${plan.phase}: ${entry.name}: Job ${plan.namespace}/${jobName} created (image ${body.spec.template.spec.containers[0].image}); waiting up to ${Math.round(timeoutMs / 1000)}s`);
    // The Job in hand may have ended already (a retried create answers with the current state).
    const outcome: WaitOutcome = jobOutcome(job) ? { kind: 'finished' } : await waitForValidator(this.client, plan, entry, jobName, String(job.metadata?.resourceVersion ?? ''), timeoutMs, this.signal);
    const result = await readVerdict({ client: this.client, plan, entry, jobName, timeoutMs, requireGpu: this.settings.requireGpu, startedAt, signal: this.signal, log: this.log }, outcome);
    this.log(`${plan.phase}: ${entry.name}: ${result.status}: ${result.message}`);
    if (!this.settings.noCleanup) {
      this.created.splice(this.created.indexOf(created), 1);
      await this.remove([created]);
    }
    return result;
  }

  /** The end of the run: keep the objects (and say how to remove them) or delete them. */
  async release(failed: boolean): Promise<void> {
    if (this.settings.noCleanup) {
      if (this.created.length) this.log(`${this.plan.phase}: kept ${this.created.map((o) => `${o.kind} ${o.name}`).join(', ')} (--no-cleanup); remove them with: ${removalCommand(this.plan)}`);
      return;
    }
    const count = this.created.length;
    const problems = await this.remove([...this.created].reverse());
    if (problems.length === 0 && count) this.log(`${this.plan.phase}: removed the validator run's ${count} remaining object(s)${failed ? ' after the failure' : ''}`);
  }

  /** Deletes objects in order under a fresh deadline; problems are logged, not thrown. */
  private async remove(objects: CreatedObject[]): Promise<string[]> {
    const problems = await removeObjects(objects);
    if (problems.length) {
      this.log(`warning: cleanup left ${problems.length} object(s) in the cluster:\n${problems.map((p) => `  - ${p}`).join('\n')}\nremove them with: ${removalCommand(this.plan)}`);
    }
    return problems;
  }
}
