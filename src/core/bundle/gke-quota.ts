/**
 * `gkeCriticalPriority` components on GKE: their pods use the system-node-critical and
 * system-cluster-critical priority classes, which GKE admits outside kube-system only when a
 * ResourceQuota scoped to those classes exists in the namespace. The bundle adds one as a
 * pre-manifest of the component (so it exists before the chart's pods).
 */
import { toYaml } from '../serialize.js';
import type { RenderedManifest } from './manifests.js';

const QUOTA_NAME = 'aicr-gke-critical-pods';
/** At least this many pods, and this many per estimated node. */
const POD_FLOOR = 32;
const PODS_PER_NODE = 32;

export function gkeCriticalPriorityQuota(namespace: string, nodes: number | undefined): RenderedManifest {
  const pods = Math.max(POD_FLOOR, (nodes ?? 0) * PODS_PER_NODE);
  const quota = {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: QUOTA_NAME, namespace },
    spec: {
      hard: { pods: String(pods) },
      scopeSelector: { matchExpressions: [{ operator: 'In', scopeName: 'PriorityClass', values: ['system-node-critical', 'system-cluster-critical'] }] },
    },
  };
  return { source: 'aicr/synthesized/gke-critical-pods-quota.yaml', name: 'gke-critical-pods-quota.yaml', content: toYaml(quota) };
}
