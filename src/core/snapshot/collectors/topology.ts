/**
 * Node topology collector (`type: NodeTopology`): cluster-wide taints, labels and allocatable
 * GPUs, aggregated over every node, read page by page (500 nodes per request).
 *
 * Subtypes, in this order:
 * - `summary`: `node-count`, `taint-count`, `label-count` (entries in the two maps below), integers;
 * - `taint`: taint key → `<effect>|<value>|<nodes>`; when one key has several (effect, value)
 *   groups each group gets its own key `<key>.<effect>`, or `<key>.<effect>.<value>` when the
 *   effect repeats (upstream would let one group overwrite another);
 * - `label`: label key → `<value>|<nodes>`; a key with several values gets `<key>.<value>` per value;
 * - `gpu` (our addition): `node-count` (nodes with allocatable nvidia.com/gpu > 0),
 *   `allocatable` (their sum), and `allocatable.<n>` → the nodes with n allocatable GPUs.
 *
 * Node lists are sorted and comma-joined; with `maxNodesPerEntry` N > 0 a longer list keeps the
 * first N names and ends in ` (+M more)`.
 */
import { AicrError, errorMessage } from '../../errors.js';
import type { Reading, Subtype } from '../../documents/types.js';
import { compareStrings } from '../../serialize.js';
import type { Collector, CollectorContext, CollectorResult } from '../collector.js';
import { getKubeClient, type KubeClient } from '../../kube/client.js';
import type { RetryPolicy } from '../../kube/retry.js';

type KubeObject = Record<string, any>;

export interface TopologyCollectorOptions {
  kubeconfig?: string;
  /** Most node names listed per entry (0 = all). */
  maxNodesPerEntry?: number;
  /** Nodes per list page (default 500). */
  pageSize?: number;
  retry?: Partial<RetryPolicy>;
}

const GPU_RESOURCE = 'nvidia.com/gpu';

/** Node names of one entry: sorted, joined, truncated. */
export function nodeList(names: readonly string[], maxNodesPerEntry = 0): string {
  const sorted = [...names].sort(compareStrings);
  if (maxNodesPerEntry > 0 && sorted.length > maxNodesPerEntry) {
    return `${sorted.slice(0, maxNodesPerEntry).join(',')} (+${sorted.length - maxNodesPerEntry} more)`;
  }
  return sorted.join(',');
}

/** Kubernetes quantity of a whole-number extended resource (`8`, `8k` never occurs for GPUs). */
function gpuCount(quantity: unknown): number {
  const n = typeof quantity === 'number' ? quantity : Number.parseInt(String(quantity ?? '0'), 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** Aggregates nodes one at a time; holds names per group, never whole Node objects. */
class TopologyTally {
  nodes = 0;
  private labels = new Map<string, Map<string, string[]>>();
  private taints = new Map<string, Map<string, { effect: string; value: string; nodes: string[] }>>();
  private gpus = new Map<number, string[]>();
  private gpuTotal = 0;

  addNode(node: KubeObject): void {
    const name = String(node.metadata?.name ?? '');
    this.nodes++;
    for (const [key, value] of Object.entries((node.metadata?.labels ?? {}) as Record<string, string>)) {
      let values = this.labels.get(key);
      if (!values) this.labels.set(key, (values = new Map()));
      const list = values.get(String(value));
      if (list) list.push(name);
      else values.set(String(value), [name]);
    }
    for (const taint of (node.spec?.taints ?? []) as KubeObject[]) {
      const key = String(taint.key ?? '');
      const effect = String(taint.effect ?? '');
      const value = String(taint.value ?? '');
      let groups = this.taints.get(key);
      if (!groups) this.taints.set(key, (groups = new Map()));
      const id = `${effect}\u0000${value}`;
      const group = groups.get(id);
      if (group) group.nodes.push(name);
      else groups.set(id, { effect, value, nodes: [name] });
    }
    const gpus = gpuCount(node.status?.allocatable?.[GPU_RESOURCE]);
    if (gpus > 0) {
      this.gpuTotal += gpus;
      const list = this.gpus.get(gpus);
      if (list) list.push(name);
      else this.gpus.set(gpus, [name]);
    }
  }

  subtypes(maxNodesPerEntry = 0): Subtype[] {
    const taint: Record<string, Reading> = {};
    for (const key of [...this.taints.keys()].sort(compareStrings)) {
      const groups = [...this.taints.get(key)!.values()].sort((a, b) => compareStrings(a.effect, b.effect) || compareStrings(a.value, b.value));
      if (groups.length === 1) {
        const g = groups[0]!;
        taint[key] = `${g.effect}|${g.value}|${nodeList(g.nodes, maxNodesPerEntry)}`;
        continue;
      }
      for (const g of groups) {
        const sameEffect = groups.filter((other) => other.effect === g.effect).length > 1;
        taint[sameEffect ? `${key}.${g.effect}.${g.value}` : `${key}.${g.effect}`] = `${g.value}|${nodeList(g.nodes, maxNodesPerEntry)}`;
      }
    }
    const label: Record<string, Reading> = {};
    for (const key of [...this.labels.keys()].sort(compareStrings)) {
      const values = this.labels.get(key)!;
      const sortedValues = [...values.keys()].sort(compareStrings);
      for (const value of sortedValues) {
        label[sortedValues.length === 1 ? key : `${key}.${value}`] = `${value}|${nodeList(values.get(value)!, maxNodesPerEntry)}`;
      }
    }
    const gpu: Record<string, Reading> = { allocatable: this.gpuTotal, 'node-count': [...this.gpus.values()].reduce((sum, list) => sum + list.length, 0) };
    for (const count of [...this.gpus.keys()].sort((a, b) => a - b)) gpu[`allocatable.${count}`] = nodeList(this.gpus.get(count)!, maxNodesPerEntry);
    return [
      { subtype: 'summary', data: { 'label-count': Object.keys(label).length, 'node-count': this.nodes, 'taint-count': Object.keys(taint).length } },
      { subtype: 'taint', data: taint },
      { subtype: 'label', data: label },
      { subtype: 'gpu', data: gpu },
    ];
  }
}

/** The NodeTopology collector. */
export function topologyCollector(options: TopologyCollectorOptions = {}): Collector {
  return {
    name: 'topology',
    async collect(context: CollectorContext): Promise<CollectorResult> {
      let client: KubeClient;
      try {
        client = await getKubeClient({ ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}), env: context.env, ...(options.retry ? { retry: options.retry } : {}) });
      } catch (error) {
        return { status: 'unavailable', reason: error instanceof AicrError ? error.message : errorMessage(error) };
      }
      const tally = new TopologyTally();
      try {
        for await (const page of client.jsonPages<KubeObject>({ verb: 'list', resource: 'nodes' }, '/api/v1/nodes', { signal: context.signal, pageSize: options.pageSize ?? 500 })) {
          for (const node of page) tally.addNode(node as KubeObject);
        }
      } catch (error) {
        // A partial node list would misstate the cluster: nothing rather than a wrong count.
        return { status: 'unavailable', reason: `cannot list nodes through ${client.source}: ${error instanceof AicrError ? error.message : errorMessage(error)}`, ...(error instanceof AicrError ? { code: error.code } : {}) };
      }
      context.logger.debug(`NodeTopology: ${tally.nodes} nodes`);
      return { status: 'collected', measurements: [{ type: 'NodeTopology', subtypes: tally.subtypes(options.maxNodesPerEntry ?? 0) }] };
    },
  };
}
