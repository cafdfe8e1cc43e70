/**
 * Which REST collection serves an apiVersion and kind, from the API server's discovery
 * documents (one request per group version, remembered for the run). A group version the
 * server does not serve (a CRD not installed) is an answer, not an error.
 */
import { AicrError, ErrorCode } from '../../errors.js';
import type { KubeClient } from '../../kube/client.js';

export interface Collection {
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
}

interface ResourceList {
  resources?: Array<{ name?: string; kind?: string; namespaced?: boolean }>;
}

export class Discovery {
  private readonly lists = new Map<string, Promise<ResourceList | undefined>>();

  constructor(private readonly client: KubeClient) {}

  private list(apiVersion: string, signal: AbortSignal): Promise<ResourceList | undefined> {
    let pending = this.lists.get(apiVersion);
    if (!pending) {
      const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
      const path = group ? `/apis/${encodeURIComponent(group)}/${encodeURIComponent(version!)}` : `/api/${encodeURIComponent(version!)}`;
      pending = this.client.call<ResourceList>({ verb: 'get', resource: 'discovery', group: group! }, { path }, { signal }).catch((error: unknown) => {
        if (error instanceof AicrError && error.code === ErrorCode.NotFound) return undefined;
        throw error;
      });
      this.lists.set(apiVersion, pending);
      pending.catch(() => this.lists.delete(apiVersion));
    }
    return pending;
  }

  /** The collection for `apiVersion` and `kind`; undefined when the server does not serve it. */
  async collection(apiVersion: string, kind: string, signal: AbortSignal): Promise<Collection | undefined> {
    const list = await this.list(apiVersion, signal);
    const resource = list?.resources?.find((r) => r.kind === kind && typeof r.name === 'string' && !r.name.includes('/'));
    if (!resource) return undefined;
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
    return { group: group!, version: version!, plural: resource.name!, namespaced: resource.namespaced === true };
  }
}

/** The collection path, in one namespace when given (and the resource is namespaced). */
export function collectionPath(collection: Collection, namespace?: string): string {
  const base = collection.group ? `/apis/${encodeURIComponent(collection.group)}/${encodeURIComponent(collection.version)}` : `/api/${encodeURIComponent(collection.version)}`;
  return collection.namespaced && namespace ? `${base}/namespaces/${encodeURIComponent(namespace)}/${encodeURIComponent(collection.plural)}` : `${base}/${encodeURIComponent(collection.plural)}`;
}
