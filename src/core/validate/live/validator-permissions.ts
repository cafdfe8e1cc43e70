/**
 * Before a validator run creates anything: whether the caller may do everything it needs, asked
 * with SelfSubjectAccessReviews sent in parallel; every denial is reported at once (exit 4),
 * naming verb and resource. The validators run as cluster-admin (upstream's choice: they inspect
 * CRDs no fixed list could name), and RBAC lets only a holder of those rights (or of `bind` on
 * that ClusterRole) grant them.
 */
import { AicrError, ErrorCode } from '../../errors.js';
import { canICommand, describePermission, isAllowed, type Permission } from '../../kube/access-review.js';
import type { KubeClient } from '../../kube/client.js';

const RBAC = 'rbac.authorization.k8s.io';

function requiredPermissions(namespace: string, cleanup: boolean): Permission[] {
  const list: Permission[] = [
    { verb: 'create', resource: 'serviceaccounts', group: '', namespace, why: 'the validators\' identity' },
    { verb: 'create', resource: 'clusterrolebindings', group: RBAC, why: 'binding the validators to cluster-admin' },
    { verb: 'create', resource: 'configmaps', group: '', namespace, why: 'the snapshot and recipe the validators read' },
    { verb: 'create', resource: 'jobs', group: 'batch', namespace, why: 'the validator Jobs' },
    { verb: 'watch', resource: 'jobs', group: 'batch', namespace, why: 'waiting for the Jobs' },
    { verb: 'list', resource: 'pods', group: '', namespace, why: 'finding the validator pods' },
    { verb: 'watch', resource: 'pods', group: '', namespace, why: 'following the validator pods' },
    { verb: 'get', resource: 'pods', group: '', namespace, subresource: 'log', why: 'reading what the validators print' },
  ];
  if (cleanup) {
    for (const [resource, group, namespaced] of [['jobs', 'batch', true], ['configmaps', '', true], ['serviceaccounts', '', true], ['clusterrolebindings', RBAC, false]] as const) {
      list.push({ verb: 'delete', resource, group, ...(namespaced ? { namespace } : {}), why: 'cleaning up' });
    }
  }
  return list;
}

/** Throws UNAUTHORIZED (exit 4) listing every permission the run lacks. */
export async function checkValidatorPermissions(client: KubeClient, namespace: string, cleanup: boolean, signal: AbortSignal): Promise<void> {
  const permissions = requiredPermissions(namespace, cleanup);
  const everything: Permission = { verb: '*', resource: '*', group: '*', why: 'cluster-admin rights, which the validators are granted' };
  const bind: Permission = { verb: 'bind', resource: 'clusterroles', group: RBAC, name: 'cluster-admin', why: 'granting cluster-admin to the validators' };
  const [verdicts, admin, binder] = await Promise.all([
    Promise.all(permissions.map((p) => isAllowed(client, p, signal))),
    isAllowed(client, everything, signal),
    isAllowed(client, bind, signal),
  ]);
  const denied = permissions.filter((_, index) => !verdicts[index]);
  if (!admin && !binder) denied.push(bind);
  if (denied.length === 0) return;
  const first = denied[0]!;
  throw new AicrError(ErrorCode.Unauthorized, `insufficient permissions to run the validators in namespace "${namespace}"; missing:\n${denied.map((p) => `  - ${describePermission(p)}`).join('\n')}`, {
    hint: `ask a cluster admin for these permissions, or run the performance and conformance phases as a cluster admin (check one with: ${canICommand(first)})`,
    details: { denied: denied.map(({ why: _why, ...p }) => p) },
  });
}
