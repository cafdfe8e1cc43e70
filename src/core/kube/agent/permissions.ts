/**
 * Checks before an agent run creates anything: whether the caller may do everything the run
 * needs (SelfSubjectAccessReviews sent in parallel, all denials reported at once as
 * UNAUTHORIZED) and whether a requested RuntimeClass exists.
 */
import { AicrError, ErrorCode } from '../../errors.js';
import { optionRef } from '../../option-refs.js';
import { canICommand, describePermission, isAllowed, type Permission } from '../access-review.js';
import { apiPath, type KubeClient } from '../client.js';
import type { AgentPlan } from './plan.js';


function requiredPermissions(plan: AgentPlan): Permission[] {
  const ns = plan.namespace;
  const rbac = 'rbac.authorization.k8s.io';
  const list: Permission[] = [
    { verb: 'create', resource: 'serviceaccounts', group: '', namespace: ns, why: 'the agent identity' },
    { verb: 'create', resource: 'roles', group: rbac, namespace: ns, why: 'the agent Role' },
    { verb: 'create', resource: 'rolebindings', group: rbac, namespace: ns, why: 'the agent RoleBinding' },
    { verb: 'create', resource: 'clusterroles', group: rbac, why: 'the node-reader ClusterRole' },
    { verb: 'create', resource: 'clusterrolebindings', group: rbac, why: 'the node-reader ClusterRoleBinding' },
    { verb: 'create', resource: 'jobs', group: 'batch', namespace: ns, why: 'the agent Job' },
    { verb: 'watch', resource: 'jobs', group: 'batch', namespace: ns, why: 'waiting for the Job' },
    { verb: 'list', resource: 'pods', group: '', namespace: ns, why: 'finding the agent pod' },
    { verb: 'get', resource: 'pods', group: '', namespace: ns, subresource: 'log', why: 'showing the agent log on failure' },
    { verb: 'get', resource: 'configmaps', group: '', namespace: ns, why: 'reading the snapshot' },
    // RBAC only lets a user grant permissions they hold themselves.
    { verb: 'create', resource: 'configmaps', group: '', namespace: ns, why: 'granted to the agent by its Role' },
    { verb: 'update', resource: 'configmaps', group: '', namespace: ns, why: 'granted to the agent by its Role' },
    { verb: 'patch', resource: 'configmaps', group: '', namespace: ns, why: 'granted to the agent by its Role' },
    { verb: 'list', resource: 'nodes', group: '', why: 'granted to the agent by its ClusterRole' },
    { verb: 'list', resource: 'pods', group: '', why: 'granted to the agent by its ClusterRole' },
    { verb: 'list', resource: 'clusterpolicies', group: 'nvidia.com', why: 'granted to the agent by its ClusterRole' },
  ];
  if (!plan.options.keep) {
    for (const [resource, group, namespaced] of [
      ['jobs', 'batch', true],
      ['serviceaccounts', '', true],
      ['roles', rbac, true],
      ['rolebindings', rbac, true],
      ['clusterroles', rbac, false],
      ['clusterrolebindings', rbac, false],
    ] as const) {
      list.push({ verb: 'delete', resource, group, ...(namespaced ? { namespace: ns } : {}), why: 'cleaning up' });
    }
    if (!plan.target.userProvided) list.push({ verb: 'delete', resource: 'configmaps', group: '', namespace: ns, why: 'cleaning up the run\'s ConfigMap' });
  }
  return list;
}

export async function checkPermissions(client: KubeClient, plan: AgentPlan, signal: AbortSignal | undefined): Promise<void> {
  const permissions = requiredPermissions(plan);
  const verdicts = await Promise.all(permissions.map((p) => isAllowed(client, p, signal)));
  const denied = permissions.filter((_, index) => !verdicts[index]);
  if (denied.length === 0) return;
  throw new AicrError(ErrorCode.Unauthorized, `insufficient permissions to deploy the snapshot agent in namespace "${plan.namespace}"; missing:\n${denied.map((p) => `  - ${describePermission(p)}`).join('\n')}`, {
    hint: `ask a cluster admin for these permissions (check one with: ${canICommand(denied[0]!)}), or collect on a node without --agent`,
    details: { denied },
  });
}

/** A missing RuntimeClass would leave the pod unschedulable until the timeout: say so now. */
export async function checkRuntimeClass(client: KubeClient, name: string, signal: AbortSignal | undefined): Promise<void> {
  try {
    await client.getObject({ verb: 'get', resource: 'runtimeclasses', group: 'node.k8s.io', name }, apiPath`/apis/node.k8s.io/v1/runtimeclasses/${name}`, signal ? { signal } : {});
  } catch (error) {
    if (error instanceof AicrError && error.code === ErrorCode.NotFound) {
      throw new AicrError(ErrorCode.NotFound, `${optionRef('runtime-class')}: RuntimeClass "${name}" does not exist in the cluster`, {
        cause: error,
        hint: `the NVIDIA GPU Operator creates the "nvidia" RuntimeClass; without it use ${optionRef('node-selector')} to pick a GPU node, or ${optionRef('require-gpu')}`,
      });
    }
    throw error;
  }
}
