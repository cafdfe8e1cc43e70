/**
 * The deployment phase's one-shot checks, as upstream's deployment validator runs them, read
 * only: the namespaces and `expectedResources` of the enabled components, the GPU operator's
 * pods (`operator-health`) and its version against `Deployment.gpu-operator.version`.
 */
import { AicrError, ErrorCode } from '../../errors.js';
import type { ComponentRef, RecipeResult } from '../../documents/types.js';
import { apiPath, type KubeClient } from '../../kube/client.js';
import { compare, expressionProblem, parseExpression } from '../../constraints/index.js';

type Obj = Record<string, any>;
export type Verdict = { status: 'passed' | 'failed' | 'skipped'; message: string; details?: string[] };

const GPU_OPERATOR_NAMESPACES = ['gpu-operator', 'nvidia-gpu-operator', 'kube-system'];
const GPU_OPERATOR_DEPLOYMENTS = ['gpu-operator', 'nvidia-gpu-operator'];
const VERSION_CONSTRAINT = 'Deployment.gpu-operator.version';

/** A component is disabled by `enabled: false` or `install: false` in its overrides (as upstream). */
export function enabledRefs(recipe: RecipeResult): ComponentRef[] {
  return recipe.componentRefs.filter((ref) => ref.overrides?.enabled !== false && ref.overrides?.install !== false);
}

/** GET that answers undefined for 404 (other failures propagate: RBAC, unreachable). */
async function getOrAbsent(client: KubeClient, action: { verb: string; resource: string; group?: string; namespace?: string; name: string }, path: string, signal: AbortSignal): Promise<Obj | undefined> {
  try {
    return await client.getObject<Obj>(action, path, { signal });
  } catch (error) {
    if (error instanceof AicrError && error.code === ErrorCode.NotFound) return undefined;
    throw error;
  }
}

const KIND_PATHS: Record<string, { group: string; plural: string; path: (ns: string, name: string) => string }> = {
  Deployment: { group: 'apps', plural: 'deployments', path: (ns, name) => apiPath`/apis/apps/v1/namespaces/${ns}/deployments/${name}` },
  DaemonSet: { group: 'apps', plural: 'daemonsets', path: (ns, name) => apiPath`/apis/apps/v1/namespaces/${ns}/daemonsets/${name}` },
  StatefulSet: { group: 'apps', plural: 'statefulsets', path: (ns, name) => apiPath`/apis/apps/v1/namespaces/${ns}/statefulsets/${name}` },
  Service: { group: '', plural: 'services', path: (ns, name) => apiPath`/api/v1/namespaces/${ns}/services/${name}` },
  ConfigMap: { group: '', plural: 'configmaps', path: (ns, name) => apiPath`/api/v1/namespaces/${ns}/configmaps/${name}` },
  Secret: { group: '', plural: 'secrets', path: (ns, name) => apiPath`/api/v1/namespaces/${ns}/secrets/${name}` },
};

/** Why an expected resource is unhealthy, or undefined when it is healthy. */
function unhealthy(kind: string, object: Obj): string | undefined {
  const status = object.status ?? {};
  if (kind === 'Deployment' || kind === 'StatefulSet') {
    const wanted = typeof object.spec?.replicas === 'number' ? object.spec.replicas : 1;
    const have = (kind === 'Deployment' ? status.availableReplicas : status.readyReplicas) ?? 0;
    return have < wanted ? `not healthy: ${have}/${wanted} replicas ${kind === 'Deployment' ? 'available' : 'ready'}` : undefined;
  }
  if (kind === 'DaemonSet') {
    const ready = status.numberReady ?? 0;
    const desired = status.desiredNumberScheduled ?? 0;
    return ready < desired ? `not healthy: ${ready}/${desired} pods ready` : undefined;
  }
  return undefined;
}

/** Namespaces of the enabled components exist and are Active; every expectedResource is healthy. */
export async function checkExpectedResources(recipe: RecipeResult, client: KubeClient, signal: AbortSignal): Promise<Verdict> {
  const failures: string[] = [];
  let checked = 0;
  const refs = enabledRefs(recipe);
  const namespaces = [...new Set(refs.map((ref) => ref.namespace).filter((ns): ns is string => !!ns))].sort();
  for (const namespace of namespaces) {
    checked++;
    const object = await getOrAbsent(client, { verb: 'get', resource: 'namespaces', name: namespace }, apiPath`/api/v1/namespaces/${namespace}`, signal);
    if (!object) failures.push(`Namespace ${namespace}: not found`);
    else if (object.status?.phase && object.status.phase !== 'Active') failures.push(`Namespace ${namespace}: ${object.status.phase}, not Active`);
  }
  for (const ref of refs) {
    for (const resource of ref.expectedResources ?? []) {
      checked++;
      const namespace = resource.namespace ?? ref.namespace ?? '';
      const label = `${resource.kind} ${namespace}/${resource.name} (${ref.name})`;
      const kind = KIND_PATHS[resource.kind];
      if (!kind) {
        failures.push(`${label}: unsupported resource kind ${JSON.stringify(resource.kind)} (supported: ${Object.keys(KIND_PATHS).join(', ')})`);
        continue;
      }
      const object = await getOrAbsent(client, { verb: 'get', resource: kind.plural, group: kind.group, namespace, name: resource.name }, kind.path(namespace, resource.name), signal);
      const problem = object ? unhealthy(resource.kind, object) : 'not found';
      if (problem) failures.push(`${label}: ${problem}`);
    }
  }
  if (failures.length) return { status: 'failed', message: `${failures.length} of ${checked} expected resources missing or unhealthy: ${failures[0]}`, details: failures };
  return { status: 'passed', message: checked ? `${checked} namespaces and expected resources present and healthy` : 'no namespaces or expected resources declared' };
}

/** At least one GPU operator pod (app=gpu-operator in gpu-operator) is Running. */
export async function checkOperatorHealth(client: KubeClient, signal: AbortSignal): Promise<Verdict> {
  const list = await client.call<{ items?: Obj[] }>({ verb: 'list', resource: 'pods', namespace: 'gpu-operator' }, { path: '/api/v1/namespaces/gpu-operator/pods', query: { labelSelector: 'app=gpu-operator' } }, { signal });
  const pods = list.items ?? [];
  if (!pods.length) return { status: 'failed', message: 'no gpu-operator pods (app=gpu-operator in namespace gpu-operator)' };
  const running = pods.filter((pod) => pod.status?.phase === 'Running').length;
  const details = pods.map((pod) => `${pod.metadata?.name}: ${pod.status?.phase ?? 'Unknown'}`);
  return running ? { status: 'passed', message: `${running}/${pods.length} gpu-operator pods Running` } : { status: 'failed', message: `no gpu-operator pod is Running (${pods.length} total)`, details };
}

function versionFromImage(image: string): string | undefined {
  const tag = image.slice(image.lastIndexOf(':') + 1);
  if (!tag || tag.includes('/')) return undefined;
  const bare = tag.split('-')[0]!;
  return /^v?\d+(\.\d+)*$/.test(bare) ? (bare.startsWith('v') ? bare : `v${bare}`) : undefined;
}

const normalise = (version: string): string => (version.startsWith('v') ? version : `v${version}`);

/** The installed GPU operator version: the Deployment's version label, its image tag, or annotation. */
async function gpuOperatorVersion(client: KubeClient, signal: AbortSignal): Promise<string | undefined> {
  for (const namespace of GPU_OPERATOR_NAMESPACES) {
    for (const name of GPU_OPERATOR_DEPLOYMENTS) {
      const deployment = await getOrAbsent(client, { verb: 'get', resource: 'deployments', group: 'apps', namespace, name }, apiPath`/apis/apps/v1/namespaces/${namespace}/deployments/${name}`, signal);
      if (!deployment) continue;
      const label = deployment.metadata?.labels?.['app.kubernetes.io/version'];
      if (typeof label === 'string' && label) return normalise(label);
      for (const container of deployment.spec?.template?.spec?.containers ?? []) {
        if (typeof container?.image === 'string' && container.image.includes('gpu-operator')) {
          const version = versionFromImage(container.image);
          if (version) return version;
        }
      }
      const annotation = deployment.metadata?.annotations?.['nvidia.com/gpu-operator-version'];
      if (typeof annotation === 'string' && annotation) return normalise(annotation);
    }
  }
  return undefined;
}

/** The GPU operator's version against the recipe's `Deployment.gpu-operator.version` constraint. */
export async function checkGpuOperatorVersion(recipe: RecipeResult, client: KubeClient, signal: AbortSignal): Promise<Verdict> {
  const version = await gpuOperatorVersion(client, signal);
  if (!version) return { status: 'failed', message: `could not find the GPU operator Deployment (gpu-operator or nvidia-gpu-operator in ${GPU_OPERATOR_NAMESPACES.join(', ')}) with a version` };
  const constraint = recipe.validation?.deployment?.constraints?.find((c) => c.name === VERSION_CONSTRAINT);
  if (!constraint) return { status: 'skipped', message: `no ${VERSION_CONSTRAINT} constraint in the recipe; detected ${version}` };
  const expression = parseExpression(constraint.value);
  const problem = expressionProblem(expression, constraint.value);
  if (problem) return { status: 'failed', message: `${VERSION_CONSTRAINT}: ${problem.message}` };
  const outcome = compare(expression, version);
  if (!outcome.ok) return { status: 'failed', message: `${VERSION_CONSTRAINT}: ${outcome.reason}` };
  return outcome.pass
    ? { status: 'passed', message: `GPU operator ${version} satisfies ${constraint.value.trim()}` }
    : { status: 'failed', message: `GPU operator ${version} does not satisfy ${constraint.value.trim()}` };
}
