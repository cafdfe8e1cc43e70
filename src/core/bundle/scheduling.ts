/**
 * Node scheduling flags (`--system-node-selector`, `--accelerated-node-toleration`, …) and
 * their injection into the values paths a component's registry entry declares.
 */
import { optionError } from '../errors.js';
import type { ComponentConfig } from '../documents/types.js';
import { coerceSetValue, setPath } from './set.js';
import { quoted } from '../safe-text.js';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

export interface Toleration {
  key?: string;
  operator: 'Equal' | 'Exists';
  value?: string;
  effect?: string;
}

/** The scheduling options as read (selectors as maps, tolerations as items). */
export interface SchedulingFlags {
  systemNodeSelector?: Record<string, string>;
  systemNodeToleration?: string[];
  acceleratedNodeSelector?: Record<string, string>;
  acceleratedNodeToleration?: string[];
  workloadSelector?: Record<string, string>;
  workloadGate?: string;
  nodes?: number;
}

/** Parsed scheduling: what gets written into component values. */
export interface Scheduling {
  systemSelector: Record<string, string>;
  systemTolerations: Toleration[];
  acceleratedSelector: Record<string, string>;
  acceleratedTolerations: Toleration[];
  workloadSelector: Record<string, string>;
  workloadGate?: string;
  nodes: number;
}

const TOLERATION_FORM = 'key=value:effect or key:effect';

export function parseToleration(item: string, option: string): Toleration {
  const parts = item.split(':');
  const hint = `write ${TOLERATION_FORM}, e.g. dedicated=gpu:NoSchedule; effect is one of ${TAINT_EFFECTS.join(', ')}`;
  if (parts.length !== 2) throw optionError(option, `invalid taint ${quoted(item)}: expected ${TOLERATION_FORM}`, { hint });
  const [left, effect] = parts as [string, string];
  if (!(TAINT_EFFECTS as readonly string[]).includes(effect)) {
    throw optionError(option, `invalid taint ${quoted(item)}: invalid taint effect ${quoted(effect)}, expected ${TAINT_EFFECTS.join(', ')}`, { hint });
  }
  const eq = left.indexOf('=');
  const key = eq < 0 ? left : left.slice(0, eq);
  const value = eq < 0 ? '' : left.slice(eq + 1);
  const toleration: Toleration = value === '' ? { operator: 'Exists' } : { operator: 'Equal', value };
  if (key !== '') toleration.key = key;
  toleration.effect = effect;
  return toleration;
}

/** Tolerations from an option; none tolerates everything (upstream's default). */
function parseTolerations(values: readonly string[] | undefined, option: string): Toleration[] {
  const list = values ?? [];
  if (list.length === 0) return [{ operator: 'Exists' }];
  return list.map((item) => parseToleration(item, option));
}

/** `--workload-gate key=value:effect` or `key:effect`, written as Kubernetes prints a taint. */
export function parseWorkloadGate(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  const toleration = parseToleration(text, 'workload-gate');
  if (!toleration.key) throw optionError('workload-gate', `invalid taint ${quoted(text)}: key cannot be empty`, { hint: 'write key=value:effect or key:effect' });
  return toleration.value ? `${toleration.key}=${toleration.value}:${toleration.effect}` : `${toleration.key}:${toleration.effect}`;
}

export function parseScheduling(flags: SchedulingFlags): Scheduling {
  const nodes = flags.nodes ?? 0;
  if (!Number.isInteger(nodes) || nodes < 0) throw optionError('nodes', `must be a whole number >= 0, not ${nodes}`, { hint: 'pass the estimated GPU node count, or 0 to leave it unset' });
  const scheduling: Scheduling = {
    systemSelector: { ...(flags.systemNodeSelector ?? {}) },
    systemTolerations: parseTolerations(flags.systemNodeToleration, 'system-node-toleration'),
    acceleratedSelector: { ...(flags.acceleratedNodeSelector ?? {}) },
    acceleratedTolerations: parseTolerations(flags.acceleratedNodeToleration, 'accelerated-node-toleration'),
    workloadSelector: { ...(flags.workloadSelector ?? {}) },
    nodes,
  };
  const gate = parseWorkloadGate(flags.workloadGate);
  if (gate !== undefined) scheduling.workloadGate = gate;
  return scheduling;
}

const copyTolerations = (list: readonly Toleration[]): Array<Record<string, string>> => list.map((t) => ({ ...t }) as Record<string, string>);

/**
 * Writes the scheduling values at the paths the registry declares, in a fixed order (system,
 * then accelerated, so a path listed under both ends with the accelerated value). Replaces
 * whatever was at each path, including `--set` values.
 */
export function injectScheduling(values: Record<string, unknown>, config: ComponentConfig | undefined, scheduling: Scheduling, skip: ReadonlySet<string> = new Set()): void {
  if (!config) return;
  const system = config.nodeScheduling?.system;
  const accelerated = config.nodeScheduling?.accelerated;
  // `skip`: paths left to install time (--dynamic) get nothing baked in.
  const put = (paths: readonly string[] | undefined, make: () => unknown): void => {
    for (const path of paths ?? []) if (!skip.has(path)) setPath(values, path, make(), false);
  };
  if (Object.keys(scheduling.systemSelector).length) put(system?.nodeSelectorPaths, () => ({ ...scheduling.systemSelector }));
  if (scheduling.systemTolerations.length) put(system?.tolerationPaths, () => copyTolerations(scheduling.systemTolerations));
  if (Object.keys(scheduling.acceleratedSelector).length) put(accelerated?.nodeSelectorPaths, () => ({ ...scheduling.acceleratedSelector }));
  if (scheduling.acceleratedTolerations.length) put(accelerated?.tolerationPaths, () => copyTolerations(scheduling.acceleratedTolerations));
  if (Object.keys(scheduling.workloadSelector).length) put(config.podScheduling?.workload?.workloadSelectorPaths, () => ({ ...scheduling.workloadSelector }));
  if (scheduling.workloadGate !== undefined) put(accelerated?.taintStrPaths, () => coerceSetValue(scheduling.workloadGate!));
  if (scheduling.nodes > 0) put(config.nodeScheduling?.nodeCountPaths, () => scheduling.nodes);
}
