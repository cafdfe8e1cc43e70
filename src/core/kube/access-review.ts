/**
 * Asking the API server whether the caller may do something (a SelfSubjectAccessReview), so that
 * runs that create objects (the snapshot agent, the validators) can list every missing
 * permission at once before they create anything.
 */
import type { KubeClient } from './client.js';

/** A permission a run needs, and why (shown when it is missing). */
export interface Permission {
  verb: string;
  resource: string;
  group: string;
  namespace?: string;
  subresource?: string;
  name?: string;
  why: string;
}

/** One line for an error listing missing permissions. */
export function describePermission(p: Permission): string {
  const resource = `${p.resource}${p.subresource ? `/${p.subresource}` : ''}${p.group ? `.${p.group}` : ''}${p.name ? ` "${p.name}"` : ''}`;
  return `${p.verb} ${resource} ${p.namespace ? `(namespace "${p.namespace}")` : '(cluster-scoped)'} — ${p.why}`;
}

/** The kubectl command that checks one permission by hand. */
export function canICommand(p: Permission): string {
  return `kubectl auth can-i ${p.verb} ${p.resource}${p.subresource ? `/${p.subresource}` : ''}${p.group ? `.${p.group}` : ''}${p.name ? `/${p.name}` : ''}${p.namespace ? ` -n ${p.namespace}` : ''}`;
}

/** Whether the API server allows the caller `p`. */
export async function isAllowed(client: KubeClient, p: Permission, signal: AbortSignal | undefined): Promise<boolean> {
  const review = {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: {
      resourceAttributes: {
        verb: p.verb,
        group: p.group,
        resource: p.resource,
        ...(p.subresource ? { subresource: p.subresource } : {}),
        ...(p.namespace ? { namespace: p.namespace } : {}),
        ...(p.name ? { name: p.name } : {}),
      },
    },
  };
  const answer = await client.call<{ status?: { allowed?: boolean } }>(
    { verb: 'create', resource: 'selfsubjectaccessreviews', group: 'authorization.k8s.io' },
    // The answer echoes the question and a verdict: a few hundred bytes.
    { method: 'POST', path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', body: review, maxBytes: 64 * 1024 },
    signal ? { signal } : {},
  );
  return answer?.status?.allowed === true;
}
