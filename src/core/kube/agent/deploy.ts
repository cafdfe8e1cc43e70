/**
 * Creating the objects of an agent run, each under a name unique to the run so concurrent runs
 * never collide. Each object is registered in `created` before its request, so cleanup also
 * removes one whose create was interrupted in flight. The namespace is created only if missing.
 */
import { AicrError } from '../../errors.js';
import type { KubeClient } from '../client.js';
import { classifyFailure, type KubeAction } from '../errors.js';
import { isStatus, type CreatedObject } from './cleanup.js';
import { agentManifests } from './manifests.js';
import { RUN_ID_LABEL, type AgentPlan, type KubeObject } from './plan.js';

/** API path of one of the objects a run creates. */
function objectPath(kind: string, name: string, namespace: string): string {
  const paths: Record<string, string> = {
    ServiceAccount: `/api/v1/namespaces/${namespace}/serviceaccounts/${name}`,
    Role: `/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/roles/${name}`,
    RoleBinding: `/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/rolebindings/${name}`,
    ClusterRole: `/apis/rbac.authorization.k8s.io/v1/clusterroles/${name}`,
    ClusterRoleBinding: `/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/${name}`,
    Job: `/apis/batch/v1/namespaces/${namespace}/jobs/${name}`,
  };
  return paths[kind]!;
}

/** Creates the namespace if missing, then the ServiceAccount, RBAC objects and Job; returns the Job. */
export async function deployAgent(client: KubeClient, plan: AgentPlan, created: CreatedObject[], signal: AbortSignal | undefined): Promise<KubeObject> {
  const manifests = agentManifests(plan);
  const request = signal ? { signal } : {};
  const { namespace } = plan;
  await ensureNamespace(client, plan, created, signal);

  // Register each object before creating it, so an interrupted request is still cleaned up.
  const create = async (kind: string, name: string, namespaced: boolean, action: KubeAction, call: (o: never) => Promise<KubeObject>, remove: (s: AbortSignal) => Promise<unknown>): Promise<KubeObject> => {
    const entry: CreatedObject = { kind, name, ...(namespaced ? { namespace } : {}), confirmed: false, remove };
    created.push(entry);
    try {
      const object: KubeObject = await client.request<KubeObject>(action, call as never, request);
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
  const del = (action: KubeAction, call: (o: never) => Promise<unknown>) => (s: AbortSignal) => client.request(action, call as never, { signal: s });
  await create('ServiceAccount', plan.serviceAccount, true, { verb: 'create', resource: 'serviceaccounts', namespace }, (o) => client.core.createNamespacedServiceAccount({ namespace, body: manifests.serviceAccount }, o),
    del({ verb: 'delete', resource: 'serviceaccounts', namespace, name: plan.serviceAccount }, (o) => client.core.deleteNamespacedServiceAccount({ name: plan.serviceAccount, namespace }, o)));
  await create('Role', plan.serviceAccount, true, { verb: 'create', resource: 'roles', group: rbac, namespace }, (o) => client.rbac.createNamespacedRole({ namespace, body: manifests.role }, o),
    del({ verb: 'delete', resource: 'roles', group: rbac, namespace, name: plan.serviceAccount }, (o) => client.rbac.deleteNamespacedRole({ name: plan.serviceAccount, namespace }, o)));
  await create('RoleBinding', plan.serviceAccount, true, { verb: 'create', resource: 'rolebindings', group: rbac, namespace }, (o) => client.rbac.createNamespacedRoleBinding({ namespace, body: manifests.roleBinding as never }, o),
    del({ verb: 'delete', resource: 'rolebindings', group: rbac, namespace, name: plan.serviceAccount }, (o) => client.rbac.deleteNamespacedRoleBinding({ name: plan.serviceAccount, namespace }, o)));
  await create('ClusterRole', plan.clusterRole, false, { verb: 'create', resource: 'clusterroles', group: rbac }, (o) => client.rbac.createClusterRole({ body: manifests.clusterRole }, o),
    del({ verb: 'delete', resource: 'clusterroles', group: rbac, name: plan.clusterRole }, (o) => client.rbac.deleteClusterRole({ name: plan.clusterRole }, o)));
  await create('ClusterRoleBinding', plan.clusterRole, false, { verb: 'create', resource: 'clusterrolebindings', group: rbac }, (o) => client.rbac.createClusterRoleBinding({ body: manifests.clusterRoleBinding as never }, o),
    del({ verb: 'delete', resource: 'clusterrolebindings', group: rbac, name: plan.clusterRole }, (o) => client.rbac.deleteClusterRoleBinding({ name: plan.clusterRole }, o)));
  if (!plan.target.userProvided) {
    // The run's own result ConfigMap is the agent's to create; we only make sure it goes away.
    created.push({
      kind: 'ConfigMap',
      name: plan.target.name,
      namespace,
      remove: del({ verb: 'delete', resource: 'configmaps', namespace, name: plan.target.name }, (o) => client.core.deleteNamespacedConfigMap({ name: plan.target.name, namespace }, o)),
    });
  }
  const job = await create('Job', plan.jobName, true, { verb: 'create', resource: 'jobs', group: 'batch', namespace }, (o) => client.batch.createNamespacedJob({ namespace, body: manifests.job }, o),
    del({ verb: 'delete', resource: 'jobs', group: 'batch', namespace, name: plan.jobName }, (o) => client.batch.deleteNamespacedJob({ name: plan.jobName, namespace, propagationPolicy: 'Background' }, o)));
  return job;
}

async function ensureNamespace(client: KubeClient, plan: AgentPlan, created: CreatedObject[], signal: AbortSignal | undefined): Promise<void> {
  const name = plan.namespace;
  const request = signal ? { signal } : {};
  try {
    await client.request({ verb: 'get', resource: 'namespaces', name }, (o) => client.core.readNamespace({ name }, o), request);
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
      remove: (s) => client.request({ verb: 'delete', resource: 'namespaces', name }, (o) => client.core.deleteNamespace({ name }, o), { signal: s }),
    });
  }
  try {
    await client.request({ verb: 'create', resource: 'namespaces' }, (o) => client.core.createNamespace({ body: { metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'aicr', [RUN_ID_LABEL]: plan.runId } } } }, o), request);
  } catch (error) {
    if (!isStatus(error, 409)) throw error;
    created.pop(); // created concurrently by someone else: not ours to delete
  }
}

