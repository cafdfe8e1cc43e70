/**
 * The Kubernetes objects of an agent run, built from its plan: ServiceAccount, Role and
 * RoleBinding (ConfigMaps and pods in the namespace), ClusterRole and ClusterRoleBinding (read
 * nodes, pods, GPU Operator ClusterPolicies) and the Job. Pure; also used by tests and --dry-run.
 */
import { CONTAINER, type AgentPlan, type KubeObject } from './plan.js';
import { agentResources } from './resources.js';

export interface AgentManifests {
  serviceAccount: KubeObject;
  role: KubeObject;
  roleBinding: KubeObject;
  clusterRole: KubeObject;
  clusterRoleBinding: KubeObject;
  job: KubeObject;
}

/** The objects of a run, in creation order (ServiceAccount, RBAC, Job). */
export function agentManifests(plan: AgentPlan): AgentManifests {
  const { namespace, labels } = plan;
  const meta = (name: string, namespaced = true): KubeObject => ({ name, ...(namespaced ? { namespace } : {}), labels: { ...labels } });
  const subject = [{ kind: 'ServiceAccount', name: plan.serviceAccount, namespace }];
  const privileged = plan.options.privileged !== false;
  // Talos has no systemd and no /etc/os-release on the host: the agent reads both from the Kubernetes API.
  const hostMounts = privileged && plan.options.os !== 'talos';
  const env: KubeObject[] = [
    { name: 'AICR_AGENT_MODE', value: 'true' },
    { name: 'AICR_LOG_PREFIX', value: 'agent' },
    { name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
  ];
  if ((plan.options.maxNodesPerEntry ?? 0) > 0) env.push({ name: 'AICR_MAX_NODES_PER_ENTRY', value: String(plan.options.maxNodesPerEntry) });
  if (plan.options.os) env.push({ name: 'AICR_OS', value: plan.options.os });
  if (plan.options.runtimeClass) env.push({ name: 'NVIDIA_VISIBLE_DEVICES', value: 'all' });
  const output = `cm://${plan.target.namespace}/${plan.target.name}`;
  const container: KubeObject = {
    name: CONTAINER,
    image: plan.image,
    command: ['aicr'],
    args: [...(plan.options.debug ? ['--debug', '--log-json'] : []), 'snapshot', '-o', output],
    env,
    resources: agentResources(plan.options),
    volumeMounts: [
      { name: 'tmp', mountPath: '/tmp' },
      ...(hostMounts
        ? [
            { name: 'run-systemd', mountPath: '/run/systemd', readOnly: true },
            { name: 'host-os-release', mountPath: '/etc/os-release', readOnly: true },
          ]
        : []),
    ],
    securityContext: privileged
      ? { privileged: true, runAsUser: 0, runAsGroup: 0, allowPrivilegeEscalation: true, capabilities: { add: ['SYS_ADMIN', 'SYS_CHROOT'] } }
      : {
          privileged: false,
          runAsNonRoot: true,
          runAsUser: 65534,
          runAsGroup: 65534,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
          seccompProfile: { type: 'RuntimeDefault' },
        },
  };
  const podSpec: KubeObject = {
    serviceAccountName: plan.serviceAccount,
    restartPolicy: 'Never',
    tolerations: plan.tolerations,
    containers: [container],
    volumes: [
      { name: 'tmp', emptyDir: {} },
      ...(hostMounts
        ? [
            { name: 'run-systemd', hostPath: { path: '/run/systemd', type: 'Directory' } },
            { name: 'host-os-release', hostPath: { path: '/etc/os-release', type: 'File' } },
          ]
        : []),
    ],
    securityContext: privileged
      ? { runAsUser: 0, runAsGroup: 0, fsGroup: 0, fsGroupChangePolicy: 'OnRootMismatch' }
      : { runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, fsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } },
  };
  if (Object.keys(plan.nodeSelector).length) podSpec.nodeSelector = plan.nodeSelector;
  if (plan.options.imagePullSecrets?.length) podSpec.imagePullSecrets = plan.options.imagePullSecrets.map((name) => ({ name }));
  if (plan.options.runtimeClass) podSpec.runtimeClassName = plan.options.runtimeClass;
  if (privileged) Object.assign(podSpec, { hostPID: true, hostNetwork: true, hostIPC: true });
  return {
    serviceAccount: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(plan.serviceAccount) },
    role: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: meta(plan.serviceAccount),
      rules: [
        { apiGroups: [''], resources: ['configmaps'], verbs: ['create', 'get', 'update', 'patch'] },
        { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
      ],
    },
    roleBinding: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: meta(plan.serviceAccount),
      subjects: subject,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: plan.serviceAccount },
    },
    clusterRole: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: meta(plan.clusterRole, false),
      rules: [
        { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list'] },
        { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
        { apiGroups: ['nvidia.com'], resources: ['clusterpolicies'], verbs: ['get', 'list'] },
      ],
    },
    clusterRoleBinding: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: meta(plan.clusterRole, false),
      subjects: subject,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: plan.clusterRole },
    },
    job: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: meta(plan.jobName),
      spec: {
        parallelism: 1,
        completions: 1,
        backoffLimit: 0,
        // The Job stops by itself even if this process dies while waiting.
        activeDeadlineSeconds: Math.max(1, Math.ceil(plan.timeoutMs / 1000)),
        ttlSecondsAfterFinished: 3600,
        template: { metadata: { labels: { ...labels } }, spec: podSpec },
      },
    },
  };
}
