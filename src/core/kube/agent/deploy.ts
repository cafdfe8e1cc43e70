/**
 * Creating the objects of an agent run, each under a name unique to the run so concurrent runs
 * never collide. Each object is registered in `created` before its request, so cleanup also
 * removes one whose create was interrupted in flight. The namespace is created only if missing.
 */
import { AicrError } from '../../errors.js';
import { apiPath, type KubeClient } from '../client.js';
import { classifyFailure, type KubeAction } from '../errors.js';
import { isStatus, type CreatedObject } from './cleanup.js';
import { agentManifests } from './manifests.js';
import { RUN_ID_LABEL, type AgentPlan, type KubeObject } from './plan.js';

/** API path of the collection of one of the kinds a run creates. */
function collectionPath(kind: string, namespace: string): string {
  const paths: Record<string, string> = {
    ServiceAccount: apiPath`/api/v1/namespaces/${namespace}/serviceaccounts`,
    ConfigMap: apiPath`/api/v1/namespaces/${namespace}/configmaps`,
    Role: apiPath`/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/roles`,
    RoleBinding: apiPath`/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/rolebindings`,
    ClusterRole: '/apis/rbac.authorization.k8s.io/v1/clusterroles',
    ClusterRoleBinding: '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
    Job: apiPath`/apis/batch/v1/namespaces/${namespace}/jobs`,
  };
  return paths[kind]!;
}

/** API path of one of the objects a run creates. */
function objectPath(kind: string, name: string, namespace: string): string {
  return `${collectionPath(kind, namespace)}/${encodeURIComponent(name)}`;
}

/** Creates the namespace if missing, then the ServiceAccount, RBAC objects and Job; returns the Job. */
export async function deployAgent(client: KubeClient, plan: AgentPlan, created: CreatedObject[], signal: AbortSignal | undefined): Promise<KubeObject> {
  const manifests = agentManifests(plan);
  const request = signal ? { signal } : {};
  const { namespace } = plan;
  await ensureNamespace(client, plan, created, signal);

  /** Deletes the object (with `query`, e.g. a propagationPolicy) at cleanup. */
  const remover = (kind: string, name: string, action: KubeAction, query?: Record<string, string>) => (s: AbortSignal) =>
    client.call(action, { method: 'DELETE', path: objectPath(kind, name, namespace), ...(query ? { query } : {}) }, { signal: s });

  // Register each object before creating it, so an interrupted request is still cleaned up.
  const create = async (kind: string, name: string, namespaced: boolean, action: KubeAction, body: unknown, deleteQuery?: Record<string, string>): Promise<KubeObject> => {
    const remove = remover(kind, name, { ...action, verb: 'delete', name }, deleteQuery);
    const entry: CreatedObject = { kind, name, ...(namespaced ? { namespace } : {}), confirmed: false, remove };
    created.push(entry);
    try {
      const object = await client.call<KubeObject>(action, { method: 'POST', path: collectionPath(kind, namespace), body }, request);
      entry.confirmed = true;
      return object;
    } catch (error) {
      // An HTTP answer settles the question; only a request cut off in flight leaves it open.
      if (classifyFailure(error instanceof AicrError ? error.cause : error).kind === 'http') entry.confirmed = true;
      // A create retried after a dropped connection meets the object its first attempt made.
      if (isStatus(error, 409)) {
        const existing = await client.getObject<KubeObject>({ ...action, verb: 'get', name }, objectPath(kind, name, namespace), request).catch(() => undefined);
        if (existing?.metadata?.labels?.[RUN_ID_LABEL] === plan.runId) return existing;
      }
      throw error;
    }
  };
  const rbac = 'rbac.authorization.k8s.io';
  await create('ServiceAccount', plan.serviceAccount, true, { verb: 'create', resource: 'serviceaccounts', namespace }, manifests.serviceAccount);
  await create('Role', plan.serviceAccount, true, { verb: 'create', resource: 'roles', group: rbac, namespace }, manifests.role);
  await create('RoleBinding', plan.serviceAccount, true, { verb: 'create', resource: 'rolebindings', group: rbac, namespace }, manifests.roleBinding);
  await create('ClusterRole', plan.clusterRole, false, { verb: 'create', resource: 'clusterroles', group: rbac }, manifests.clusterRole);
  await create('ClusterRoleBinding', plan.clusterRole, false, { verb: 'create', resource: 'clusterrolebindings', group: rbac }, manifests.clusterRoleBinding);
  if (!plan.target.userProvided) {
    // The run's own result ConfigMap is the agent's to create; we only make sure it goes away.
    created.push({
      kind: 'ConfigMap',
      name: plan.target.name,
      namespace,
      remove: remover('ConfigMap', plan.target.name, { verb: 'delete', resource: 'configmaps', namespace, name: plan.target.name }),
    });
  }
  // batch/v1 Jobs orphan their pods by default: delete those with the Job.
  return create('Job', plan.jobName, true, { verb: 'create', resource: 'jobs', group: 'batch', namespace }, manifests.job, { propagationPolicy: 'Background' });
}

async function ensureNamespace(client: KubeClient, plan: AgentPlan, created: CreatedObject[], signal: AbortSignal | undefined): Promise<void> {
  const name = plan.namespace;
  const request = signal ? { signal } : {};
  try {
    await client.getObject({ verb: 'get', resource: 'namespaces', name }, apiPath`/api/v1/namespaces/${name}`, request);
    return;
  } catch (error) {
    // Without permission to read namespaces, assume it exists: the creates below will say if not.
    if (isStatus(error, 403)) return;
    if (!isStatus(error, 404)) throw error;
  }
  // Delete it at cleanup only when nothing the user keeps lives in it.
  if (!plan.target.userProvided) {
    created.push({
      kind: 'Namespace',
      name,
      remove: (s) => client.call({ verb: 'delete', resource: 'namespaces', name }, { method: 'DELETE', path: apiPath`/api/v1/namespaces/${name}` }, { signal: s }),
    });
  }
  try {
    const body = { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'aicr', [RUN_ID_LABEL]: plan.runId } } };
    await client.call({ verb: 'create', resource: 'namespaces' }, { method: 'POST', path: '/api/v1/namespaces', body }, request);
  } catch (error) {
    if (!isStatus(error, 409)) throw error;
    // Our own first attempt (its answer lost) carries our run id; anyone else's is not ours to delete.
    const existing = await client.getObject<KubeObject>({ verb: 'get', resource: 'namespaces', name }, apiPath`/api/v1/namespaces/${name}`, request).catch(() => undefined);
    if (existing?.metadata?.labels?.[RUN_ID_LABEL] !== plan.runId && !plan.target.userProvided) created.pop();
  }
}

