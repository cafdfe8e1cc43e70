/**
 * The agent container's resources: upstream's defaults per pod mode, overridden per key by
 * `--requests` / `--limits` (`cpu=500m,memory=1Gi`, Kubernetes quantities). Parsed and checked
 * before any request, so a typo is an input error (exit 2), not a rejected Job. A leaf of agent/.
 */
import { optionError } from '../../errors.js';
import { optionRef } from '../../option-refs.js';

export type ResourceList = Record<string, string>;

/** Upstream's built-in values (pkg/k8s/agent/job.go): a privileged pod collects everything, a restricted one only K8s. */
const DEFAULTS = {
  privileged: { requests: { cpu: '1', memory: '4Gi', 'ephemeral-storage': '2Gi' }, limits: { cpu: '2', memory: '8Gi', 'ephemeral-storage': '4Gi' } },
  restricted: { requests: { cpu: '100m', memory: '256Mi', 'ephemeral-storage': '256Mi' }, limits: { cpu: '500m', memory: '512Mi', 'ephemeral-storage': '512Mi' } },
} as const;

/** Longest value accepted for one option (a list of a few resources is far shorter). */
const MAX_TEXT = 4096;
/** A resource name: an optional DNS prefix and a name part, as Kubernetes qualified names (`cpu`, `nvidia.com/gpu`). */
const RESOURCE_NAME = /^(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
/** Kubernetes quantity syntax: signed decimal, then a binary or decimal SI suffix or a decimal exponent. */
const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const SUFFIX: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** A quantity's value (for comparisons), or undefined when the text is no quantity. */
export function quantityValue(text: string): number | undefined {
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const [, sign, digits, suffix = ''] = match;
  const scale = suffix.length > 1 && /^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : SUFFIX[suffix]!;
  const value = Number(digits) * scale * (sign === '-' ? -1 : 1);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * `name=quantity` pairs separated by commas (upstream's syntax); empty entries are skipped.
 * Malformed pairs, bad names or quantities, negative values and repeated names are input errors
 * naming `option`.
 */
export function parseResourceList(text: string | undefined, option: 'requests' | 'limits'): ResourceList | undefined {
  const spec = (text ?? '').trim();
  if (spec === '') return undefined;
  const example = option === 'requests' ? 'cpu=500m,memory=1Gi,ephemeral-storage=1Gi' : 'cpu=1,memory=2Gi,ephemeral-storage=2Gi';
  if (spec.length > MAX_TEXT) throw optionError(option, `is ${spec.length} characters long, more than ${MAX_TEXT}`, { hint: `list each resource once, e.g. ${example}` });
  const list: ResourceList = {};
  for (const raw of spec.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const at = entry.indexOf('=');
    if (at < 0) throw optionError(option, `entry "${entry}" is not in name=quantity form`, { hint: `e.g. ${example}` });
    const name = entry.slice(0, at).trim();
    const quantity = entry.slice(at + 1).trim();
    if (name === '' || quantity === '') throw optionError(option, `entry "${entry}" has an empty name or quantity`, { hint: `e.g. ${example}` });
    if (!RESOURCE_NAME.test(name)) throw optionError(option, `entry "${entry}": "${name}" is not a resource name`, { hint: 'e.g. cpu, memory, ephemeral-storage or nvidia.com/gpu' });
    const value = quantityValue(quantity);
    if (value === undefined) {
      throw optionError(option, `entry "${entry}" has an invalid quantity "${quantity}"`, { hint: 'a Kubernetes quantity: a number with an optional suffix m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or an exponent (500m, 1.5, 2Gi, 1e3)' });
    }
    if (value < 0) throw optionError(option, `entry "${entry}" has a negative quantity`, { hint: 'resources cannot be negative' });
    if (Object.prototype.hasOwnProperty.call(list, name)) throw optionError(option, `duplicate key "${name}"`, { hint: `give ${name} once` });
    list[name] = quantity;
  }
  return Object.keys(list).length ? list : undefined;
}

/**
 * The container's requests and limits: the mode's defaults with the overrides per key; with
 * `requireGpu` (privileged mode) a limit of one nvidia.com/gpu unless `--limits` names that key.
 * A request above its limit is an input error here rather than a Job the API server refuses.
 */
export function agentResources(options: { privileged?: boolean; requireGpu?: boolean; requests?: ResourceList; limits?: ResourceList }): { requests: ResourceList; limits: ResourceList } {
  const privileged = options.privileged !== false;
  const defaults = privileged ? DEFAULTS.privileged : DEFAULTS.restricted;
  const requests: ResourceList = { ...defaults.requests, ...options.requests };
  const limits: ResourceList = { ...defaults.limits, ...options.limits };
  if (privileged && options.requireGpu && limits['nvidia.com/gpu'] === undefined) limits['nvidia.com/gpu'] = '1';
  for (const [name, request] of Object.entries(requests)) {
    const limit = limits[name];
    if (limit === undefined || quantityValue(request)! <= quantityValue(limit)!) continue;
    const given = options.requests?.[name] !== undefined;
    throw optionError(given ? 'requests' : 'limits', `${name}: the request ${request} is more than the limit ${limit}${given && options.limits?.[name] === undefined ? ' (the built-in limit)' : ''}`, {
      hint: `raise the limit (${optionRef('limits')} ${name}=${request} or more) or lower the request; Kubernetes refuses a container whose request exceeds its limit`,
    });
  }
  return { requests, limits };
}
