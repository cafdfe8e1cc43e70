/**
 * `--readiness-hooks`: a `NNN-<component>-readiness` chart after each component that ships
 * `components/<name>/readiness.yaml` (a Chainsaw Test). The chart runs upstream's gate image as
 * a Job that polls the test until it passes, so the deployer waits for component-specific
 * readiness (a ClusterPolicy that is ready, not just pods that started). Upstream supports it
 * with helm, argocd and argocdhelm only: flux and helmfile would need their own wait wiring.
 */
import type { Catalog } from '../catalog/catalog.js';
import { invalidInput } from '../errors.js';
import { parseDocumentSync } from '../documents/parse.js';
import { isPlainObject } from '../serialize.js';
import { optionRef } from '../option-refs.js';
import { quoted } from '../safe-text.js';
import type { RenderedManifest } from './manifests.js';
import type { DeployerName } from './types.js';

const GATE_IMAGE = 'ghcr.io/nvidia/aicr-gate';
/** Upstream's gate settings: one chainsaw pass, the poll, the stable-pass window, the overall deadline. */
const GATE_ARGS = { timeout: '2m0s', pollInterval: '10s', stabilityWindow: '30s', maxWait: '1h30m0s' };
const GATE_BACKOFF_LIMIT = 6;
/** What helm waits for the gate: its deadline plus five minutes, so helm never cuts it short. */
export const READINESS_HELM_TIMEOUT = { text: '95m', seconds: 95 * 60 };

export const READINESS_SUFFIX = '-readiness';

export function checkReadinessDeployer(deployer: DeployerName): void {
  if (deployer === 'flux' || deployer === 'helmfile') {
    throw invalidInput(`${optionRef('readiness-hooks')} is not supported with deployer "${deployer}"; supported deployers: helm, argocd, argocdhelm`, {
      hint: `bundle with one of those deployers, or drop ${optionRef('readiness-hooks')}`,
      option: 'readiness-hooks',
    });
  }
}

/** The gate image for this tool version: `dev` for development builds, `vX.Y.Z` otherwise. */
function gateImage(toolVersion: string): string {
  let tag = toolVersion;
  if (tag === '' || tag === 'dev' || tag.includes('-next') || tag.includes('dev')) tag = 'dev';
  else if (!tag.startsWith('v')) tag = `v${tag}`;
  return `${GATE_IMAGE}:${tag}`;
}

/** The gate chart's one template for a component, or undefined when it ships no readiness test. */
export function readinessGate(catalog: Catalog, component: string, namespace: string, deployer: DeployerName, toolVersion: string): RenderedManifest | undefined {
  const source = `components/${component}/readiness.yaml`;
  if (!catalog.hasFile(source)) return undefined;
  const test = catalog.readText(source);
  const parsed = parseDocumentSync(test, source, { syntax: 'yaml' }).value;
  const apiVersion = isPlainObject(parsed) ? String(parsed.apiVersion ?? '') : '';
  const kind = isPlainObject(parsed) ? String(parsed.kind ?? '') : '';
  if (!apiVersion.includes('chainsaw.kyverno.io')) {
    throw invalidInput(`readiness gate for ${component}: apiVersion must be chainsaw.kyverno.io/*, got ${quoted(apiVersion)}`, { location: { file: source }, hint: 'a readiness.yaml is a Chainsaw Test (apiVersion chainsaw.kyverno.io/v1alpha1, kind Test)' });
  }
  if (kind !== 'Test') {
    throw invalidInput(`readiness gate for ${component}: kind must be Test, got ${quoted(kind)}`, { location: { file: source }, hint: 'a readiness.yaml is a Chainsaw Test (apiVersion chainsaw.kyverno.io/v1alpha1, kind Test)' });
  }
  return { source, name: 'readiness.yaml', content: gateManifest(component, namespace, test, deployer, toolVersion) };
}

function gateManifest(component: string, namespace: string, test: string, deployer: DeployerName, toolVersion: string): string {
  const account = `${component}-readiness-gate`;
  const bundle = `${component}-readiness-bundle`;
  // Cluster-wide names carry the namespace, so two bundles of one component never overwrite each other.
  const clusterName = `${account}-${namespace}`;
  const indented = test.replace(/\n+$/, '').split('\n').map((line) => (line === '' ? line : `    ${line}`)).join('\n');
  // helm waits for a post-install hook; Argo CD replaces the finished Job on the next sync.
  const annotations = deployer === 'helm'
    ? '  annotations:\n    helm.sh/hook: post-install,post-upgrade\n    helm.sh/hook-delete-policy: before-hook-creation\n'
    : deployer === 'argocd' || deployer === 'argocdhelm' ? '  annotations:\n    argocd.argoproj.io/sync-options: Replace=true\n' : '';
  const readOnly = (resources: string, group: string): string => `  - apiGroups: [${JSON.stringify(group)}]\n    resources: [${resources}]\n    verbs: ["get", "list", "watch"]\n`;
  return `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${account}
  namespace: ${namespace}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ${clusterName}
rules:
${readOnly('"pods", "nodes", "namespaces", "services", "configmaps", "events"', '')}${readOnly('"deployments", "daemonsets", "statefulsets", "replicasets"', 'apps')}${readOnly('"jobs", "cronjobs"', 'batch')}${readOnly('"*"', 'nvidia.com')}${readOnly('"clusterserviceversions"', 'operators.coreos.com')}${readOnly('"customresourcedefinitions"', 'apiextensions.k8s.io')}---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ${clusterName}
subjects:
  - kind: ServiceAccount
    name: ${account}
    namespace: ${namespace}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ${clusterName}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${bundle}
  namespace: ${namespace}
data:
  ${component}.yaml: |
${indented}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: ${account}
  namespace: ${namespace}
${annotations}spec:
  backoffLimit: ${GATE_BACKOFF_LIMIT}
  template:
    spec:
      restartPolicy: Never
      serviceAccountName: ${account}
      containers:
        - name: gate
          image: ${gateImage(toolVersion)}
          imagePullPolicy: IfNotPresent
          args:
            - --bundle-dir=/bundle
            - --namespace=${namespace}
            - --timeout=${GATE_ARGS.timeout}
            - --poll-interval=${GATE_ARGS.pollInterval}
            - --stability-window=${GATE_ARGS.stabilityWindow}
            - --max-wait=${GATE_ARGS.maxWait}
          volumeMounts:
            - name: bundle
              mountPath: /bundle
              readOnly: true
      volumes:
        - name: bundle
          configMap:
            name: ${bundle}
`;
}
