/**
 * Waiting for a set of live objects to satisfy a predicate: one list, then one watch from the
 * list's resourceVersion, the predicate re-evaluated on every change. Nothing polls: an object
 * that becomes ready during the wait is seen the moment its event arrives. The caller's signal
 * bounds the wait; a 410 re-lists (watch.ts).
 */
import type { KubeClient } from '../../kube/client.js';
import type { KubeAction } from '../../kube/errors.js';
import { watchUntil, type WatchObject } from '../../kube/watch.js';
import { MAX_PAGE_BYTES } from '../../kube/client.js';

export interface ObserveOptions<T> {
  client: KubeClient;
  action: KubeAction;
  /** The collection path (namespaced or cluster-wide). */
  path: string;
  fieldSelector?: string;
  labelSelector?: string;
  /** Fills in what list items lack (kind, apiVersion) before the predicate sees them. */
  decorate?(object: WatchObject): WatchObject;
  /** A value ends the wait; undefined keeps waiting. Called with every object currently present. */
  settle(objects: readonly WatchObject[]): T | undefined;
  signal: AbortSignal;
}

interface ListAnswer {
  items?: WatchObject[];
  metadata?: { resourceVersion?: string; continue?: string };
}

const keyOf = (object: WatchObject): string => `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;

/** Resolves with the predicate's first value; rejects when the signal fires or the API fails. */
export async function observe<T>(options: ObserveOptions<T>): Promise<T> {
  const { client, signal } = options;
  const decorate = options.decorate ?? ((object: WatchObject) => object);
  const objects = new Map<string, WatchObject>();
  const query: Record<string, string> = {};
  if (options.fieldSelector) query.fieldSelector = options.fieldSelector;
  if (options.labelSelector) query.labelSelector = options.labelSelector;

  const list = async (): Promise<{ items: WatchObject[]; resourceVersion: string }> => {
    const items: WatchObject[] = [];
    let token: string | undefined;
    let resourceVersion = '';
    do {
      const page = await client.call<ListAnswer>(options.action, { path: options.path, query: { ...query, limit: 500, ...(token ? { continue: token } : {}) }, maxBytes: MAX_PAGE_BYTES }, { signal });
      items.push(...(page.items ?? []));
      resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
      token = page.metadata?.continue || undefined;
    } while (token);
    return { items, resourceVersion };
  };

  const initial = await list();
  for (const item of initial.items) objects.set(keyOf(item), decorate(item));
  const first = options.settle([...objects.values()]);
  if (first !== undefined) return first;

  return watchUntil<T>({
    client,
    action: { ...options.action, verb: 'watch' },
    path: options.path,
    ...(options.fieldSelector ? { fieldSelector: options.fieldSelector } : {}),
    ...(options.labelSelector ? { labelSelector: options.labelSelector } : {}),
    resourceVersion: initial.resourceVersion,
    signal,
    relist: async () => {
      const current = await list();
      objects.clear();
      for (const item of current.items) objects.set(keyOf(item), decorate(item));
      // The re-listed objects are delivered again as SYNC events; the set already holds them.
      return current;
    },
    check: (type, object) => {
      if (type === 'DELETED') objects.delete(keyOf(object));
      else objects.set(keyOf(object), decorate(object));
      return options.settle([...objects.values()]);
    },
  });
}
