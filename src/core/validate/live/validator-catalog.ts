/**
 * The validator catalog (`recipes/validators/catalog.yaml` of the catalog our build embeds) and
 * the choice of validators for one phase of one recipe, as upstream makes it: the recipe's
 * `validation.<phase>.checks` name catalog entries of that phase, in catalog order; a name that
 * matches nothing, belongs to another phase or is listed twice fails the run before any Job is
 * created (upstream fails closed so a required gate can never turn into a silent skip).
 */
import { invalidInput } from '../../errors.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { embeddedRecipesDir } from '../../catalog/embedded.js';
import { ensureYamlParser, parseDocumentSync } from '../../documents/index.js';
import type { ComponentRef, RecipeResult } from '../../documents/types.js';
import { DEFAULT_AGENT_IMAGE } from '../../kube/agent/image.js';
import type { LivePhase } from './types.js';

const CATALOG_PATH = 'validators/catalog.yaml';
/** Upstream waits this long for a validator whose catalog entry names no timeout. */
const DEFAULT_VALIDATOR_TIMEOUT_MS = 5 * 60_000;
const API_VERSIONS = ['validator.nvidia.com/v1alpha1', 'aicr.nvidia.com/v1'];
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** Longest validator name: the Job name `aicr-<name>-<8 hex>` must stay within 63 characters. */
const MAX_NAME = 63 - 'aicr--'.length - 8;

/**
 * Validators whose inner workloads run on GPU nodes (NCCL and inference benchmarks, DRA and
 * device-access test pods, GPU metrics): on a cluster without a schedulable GPU node they are
 * skipped (or failed with `--require-gpu`) instead of being left to time out.
 */
const NEEDS_GPU_NODES = new Set([
  'nccl-all-reduce-bw',
  'nccl-all-reduce-bw-net',
  'nccl-all-reduce-bw-nvls',
  'inference-perf',
  'dra-support',
  'secure-accelerator-access',
  'accelerator-metrics',
  'pod-autoscaling',
  'check-nvidia-smi',
]);

export interface DependencyAffinity {
  componentRef: string;
  podLabelSelector: Record<string, string>;
  requirement: 'preferred' | 'required';
  topologyKey: string;
}

export interface ValidatorEntry {
  name: string;
  phase: LivePhase;
  description: string;
  image: string;
  timeoutMs: number;
  args: string[];
  env: Array<{ name: string; value: string }>;
  resources?: { cpu: string; memory: string };
  dependencyAffinity: DependencyAffinity[];
  /** Its inner workloads need a schedulable GPU node. */
  needsGpu: boolean;
}

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A Go duration (`2m`, `1h30m`, `90s`) in milliseconds; undefined when it is not one. */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0') return 0;
  if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(amount) * UNITS[unit!]!;
  return Math.round(total);
}

/** `:latest` becomes the upstream release we track, as upstream's release builds pin it to their version. */
export function resolveImage(image: string): string {
  const release = DEFAULT_AGENT_IMAGE.slice(DEFAULT_AGENT_IMAGE.lastIndexOf(':') + 1);
  return image.endsWith(':latest') ? `${image.slice(0, -':latest'.length)}:${release}` : image;
}

function text(value: unknown, what: string, required = true): string {
  if (value === undefined || value === null) {
    if (required) throw invalidInput(`${CATALOG_PATH}: ${what} is required`, { hint: 'fix the validator catalog entry' });
    return '';
  }
  if (typeof value !== 'string') throw invalidInput(`${CATALOG_PATH}: ${what} must be a string`, { hint: 'fix the validator catalog entry' });
  return value;
}

function stringMap(value: unknown, what: string): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalidInput(`${CATALOG_PATH}: ${what} must be a mapping of strings`);
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = text(item, `${what}.${key}`);
  return out;
}

function parseEntry(raw: unknown, index: number): ValidatorEntry {
  if (!raw || typeof raw !== 'object') throw invalidInput(`${CATALOG_PATH}: validators[${index}] must be a mapping`);
  const entry = raw as Record<string, unknown>;
  const name = text(entry.name, `validators[${index}].name`);
  if (!DNS1123_LABEL.test(name) || name.length > MAX_NAME) {
    throw invalidInput(`${CATALOG_PATH}: validator name "${name}" is not a lower-case DNS label of at most ${MAX_NAME} characters`, { hint: 'Job names are derived from it' });
  }
  const where = `validator "${name}"`;
  const phase = text(entry.phase, `${where}: phase`);
  if (!['deployment', 'performance', 'conformance'].includes(phase)) {
    throw invalidInput(`${CATALOG_PATH}: ${where}: invalid phase "${phase}", must be one of: deployment, performance, conformance`);
  }
  const image = text(entry.image, `${where}: image`);
  if (image.trim() === '' || /\s/.test(image)) throw invalidInput(`${CATALOG_PATH}: ${where}: "${image}" is not an image reference`);
  const timeoutText = text(entry.timeout, `${where}: timeout`, false);
  const timeoutMs = timeoutText === '' ? DEFAULT_VALIDATOR_TIMEOUT_MS : parseGoDuration(timeoutText);
  if (timeoutMs === undefined) throw invalidInput(`${CATALOG_PATH}: ${where}: timeout "${timeoutText}" is not a duration such as 5m or 1h30m`);
  const args = entry.args ?? [];
  if (!Array.isArray(args)) throw invalidInput(`${CATALOG_PATH}: ${where}: args must be a list`);
  const env = entry.env ?? [];
  if (!Array.isArray(env)) throw invalidInput(`${CATALOG_PATH}: ${where}: env must be a list`);
  const parsed: ValidatorEntry = {
    name,
    phase: phase as LivePhase,
    description: text(entry.description, `${where}: description`, false),
    image: resolveImage(image),
    timeoutMs: timeoutMs === 0 ? DEFAULT_VALIDATOR_TIMEOUT_MS : timeoutMs,
    args: args.map((arg, i) => (typeof arg === 'number' ? String(arg) : text(arg, `${where}: args[${i}]`))),
    env: env.map((item: unknown, i) => {
      const pair = (item ?? {}) as Record<string, unknown>;
      return { name: text(pair.name, `${where}: env[${i}].name`), value: typeof pair.value === 'number' ? String(pair.value) : text(pair.value, `${where}: env[${i}].value`, false) };
    }),
    dependencyAffinity: [],
    needsGpu: NEEDS_GPU_NODES.has(name),
  };
  if (entry.resources !== undefined && entry.resources !== null) {
    const resources = stringMap(entry.resources, `${where}: resources`);
    if ((resources.cpu ?? '') === '' || (resources.memory ?? '') === '') {
      throw invalidInput(`${CATALOG_PATH}: ${where}: resources must specify both cpu and memory`);
    }
    parsed.resources = { cpu: resources.cpu!, memory: resources.memory! };
  }
  const affinity = entry.dependencyAffinity ?? [];
  if (!Array.isArray(affinity)) throw invalidInput(`${CATALOG_PATH}: ${where}: dependencyAffinity must be a list`);
  parsed.dependencyAffinity = affinity.map((item: unknown, i) => {
    const dep = (item ?? {}) as Record<string, unknown>;
    const context = `${where}: dependencyAffinity[${i}]`;
    const componentRef = text(dep.componentRef, `${context}.componentRef`);
    const podLabelSelector = stringMap(dep.podLabelSelector, `${context}.podLabelSelector`);
    if (Object.keys(podLabelSelector).length === 0) throw invalidInput(`${CATALOG_PATH}: ${context}: podLabelSelector is required`);
    const requirement = text(dep.requirement, `${context}.requirement`, false) || 'preferred';
    if (requirement !== 'preferred' && requirement !== 'required') throw invalidInput(`${CATALOG_PATH}: ${context}: invalid requirement "${requirement}" (must be "preferred" or "required")`);
    return { componentRef, podLabelSelector, requirement, topologyKey: text(dep.topologyKey, `${context}.topologyKey`, false) || 'kubernetes.io/hostname' };
  });
  return parsed;
}

/** Parses and checks a validator catalog document. */
export function parseValidatorCatalog(source: string, origin = CATALOG_PATH): ValidatorEntry[] {
  const document = parseDocumentSync(source, origin, { syntax: 'yaml' }).value as Record<string, unknown> | null;
  if (!document || typeof document !== 'object') throw invalidInput(`${origin}: the validator catalog must be a mapping`);
  if (document.kind !== 'ValidatorCatalog' || !API_VERSIONS.includes(String(document.apiVersion))) {
    throw invalidInput(`${origin}: unsupported validator catalog ${String(document.apiVersion)}/${String(document.kind)}`, { hint: `expected kind ValidatorCatalog with apiVersion ${API_VERSIONS.join(' or ')}` });
  }
  const raw = document.validators ?? [];
  if (!Array.isArray(raw)) throw invalidInput(`${origin}: validators must be a list`);
  const entries = raw.map(parseEntry);
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.name)) throw invalidInput(`${origin}: duplicate validator name "${entry.name}"`);
    seen.add(entry.name);
  }
  return entries;
}

/** The validator catalog of the catalog our build embeds (read alone: the recipe catalog is not needed). */
export async function loadValidatorCatalog(): Promise<ValidatorEntry[]> {
  const [text] = await Promise.all([readFile(join(embeddedRecipesDir(), CATALOG_PATH), 'utf8'), ensureYamlParser()]);
  return parseValidatorCatalog(text, `recipes/${CATALOG_PATH}`);
}

/**
 * The validators a recipe declares for a phase, in catalog order; none when it declares no
 * checks. Unknown, misplaced and repeated names are one error listing every problem (exit 2).
 */
export function selectValidators(catalog: readonly ValidatorEntry[], phase: LivePhase, recipe: RecipeResult): ValidatorEntry[] {
  const declared = recipe.validation?.[phase]?.checks ?? [];
  if (declared.length === 0) return [];
  const problems: string[] = [];
  const counted = new Map<string, number>();
  for (const name of declared) counted.set(name, (counted.get(name) ?? 0) + 1);
  for (const [name, count] of counted) {
    const found = catalog.find((entry) => entry.name === name);
    if (!found) problems.push(`declared check "${name}" in phase ${phase} matches no validator in the catalog`);
    else if (found.phase !== phase) problems.push(`declared check "${name}" in phase ${phase} matches no validator in that phase (found under phase: ${found.phase})`);
    if (count > 1) problems.push(`declared check "${name}" is declared more than once in phase ${phase}`);
  }
  if (problems.length) {
    throw invalidInput(`the recipe declares checks that do not match the validator catalog:\n${problems.map((p) => `  - ${p}`).join('\n')}`, {
      hint: `fix validation.${phase}.checks in the recipe (names are those of recipes/${CATALOG_PATH})`,
    });
  }
  const wanted = new Set(declared);
  return catalog.filter((entry) => entry.phase === phase && wanted.has(entry.name));
}

/**
 * The recipe component a dependency affinity points at, when it is usable (in the recipe,
 * enabled, with a namespace); a `required` one that is not fails before any Job (exit 2).
 */
export function resolveDependency(entry: ValidatorEntry, dep: DependencyAffinity, components: readonly ComponentRef[]): ComponentRef | undefined {
  const ref = components.find((component) => component.name === dep.componentRef);
  const enabled = ref && (ref as { overrides?: { enabled?: unknown } }).overrides?.enabled !== false;
  if (ref && enabled && ref.namespace) return ref;
  if (dep.requirement === 'required') {
    const reason = !ref ? "is not in the recipe's componentRefs" : !enabled ? 'is disabled (overrides.enabled=false)' : 'has no namespace';
    throw invalidInput(`validator "${entry.name}": required dependencyAffinity component "${dep.componentRef}" ${reason}`, {
      hint: 'fix the recipe, or remove this validator from the phase\'s checks',
    });
  }
  return undefined;
}
