/**
 * The API resources the fake Kubernetes API server serves, with the facts the real server
 * publishes in discovery (group, version, kind, scope, verbs).
 */

export interface ResourceInfo {
  group: string;
  version: string;
  /** Lower-case plural used in URLs and RBAC rules. */
  plural: string;
  kind: string;
  namespaced: boolean;
  /** Whether list items carry kind/apiVersion (custom resources do; built-in types do not). */
  custom?: boolean;
  /** Subresources served (`status`, `log`). */
  subresources?: string[];
  /** Create-only virtual resources (access reviews): nothing is stored. */
  createOnly?: boolean;
  shortNames?: string[];
}

export const RESOURCES: ResourceInfo[] = [
  { group: '', version: 'v1', plural: 'namespaces', kind: 'Namespace', namespaced: false, subresources: ['status'], shortNames: ['ns'] },
  { group: '', version: 'v1', plural: 'nodes', kind: 'Node', namespaced: false, subresources: ['status'], shortNames: ['no'] },
  { group: '', version: 'v1', plural: 'configmaps', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'] },
  { group: '', version: 'v1', plural: 'secrets', kind: 'Secret', namespaced: true },
  { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true, subresources: ['status', 'log'], shortNames: ['po'] },
  { group: '', version: 'v1', plural: 'events', kind: 'Event', namespaced: true, shortNames: ['ev'] },
  { group: '', version: 'v1', plural: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true, shortNames: ['sa'] },
  { group: 'batch', version: 'v1', plural: 'jobs', kind: 'Job', namespaced: true, subresources: ['status'] },
  { group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'roles', kind: 'Role', namespaced: true },
  { group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'rolebindings', kind: 'RoleBinding', namespaced: true },
  { group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'clusterroles', kind: 'ClusterRole', namespaced: false },
  { group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'clusterrolebindings', kind: 'ClusterRoleBinding', namespaced: false },
  { group: 'authorization.k8s.io', version: 'v1', plural: 'selfsubjectaccessreviews', kind: 'SelfSubjectAccessReview', namespaced: false, createOnly: true },
  { group: 'node.k8s.io', version: 'v1', plural: 'runtimeclasses', kind: 'RuntimeClass', namespaced: false },
  { group: 'apps', version: 'v1', plural: 'deployments', kind: 'Deployment', namespaced: true, subresources: ['status'], shortNames: ['deploy'] },
  { group: 'apps', version: 'v1', plural: 'daemonsets', kind: 'DaemonSet', namespaced: true, subresources: ['status'], shortNames: ['ds'] },
  { group: 'apps', version: 'v1', plural: 'statefulsets', kind: 'StatefulSet', namespaced: true, subresources: ['status'], shortNames: ['sts'] },
  { group: '', version: 'v1', plural: 'services', kind: 'Service', namespaced: true, subresources: ['status'], shortNames: ['svc'] },
  { group: 'apiextensions.k8s.io', version: 'v1', plural: 'customresourcedefinitions', kind: 'CustomResourceDefinition', namespaced: false, subresources: ['status'], shortNames: ['crd'] },
  { group: 'skyhook.nvidia.com', version: 'v1alpha1', plural: 'skyhooks', kind: 'Skyhook', namespaced: false, custom: true, subresources: ['status'] },
  { group: 'nvidia.com', version: 'v1', plural: 'clusterpolicies', kind: 'ClusterPolicy', namespaced: false, custom: true, subresources: ['status'] },
  { group: 'monitoring.coreos.com', version: 'v1', plural: 'prometheuses', kind: 'Prometheus', namespaced: true, custom: true, subresources: ['status'], shortNames: ['prom'] },
  { group: 'monitoring.coreos.com', version: 'v1', plural: 'alertmanagers', kind: 'Alertmanager', namespaced: true, custom: true, subresources: ['status'], shortNames: ['am'] },
];

export function apiVersionOf(resource: ResourceInfo): string {
  return resource.group ? `${resource.group}/${resource.version}` : resource.version;
}

