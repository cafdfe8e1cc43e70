/**
 * SystemD collector (`type: SystemD`): every property of the containerd, docker and kubelet
 * units, one subtype per unit, read with one `systemctl show --all <units>` call.
 *
 * Upstream AICR reads the same properties over systemd's private D-Bus socket, which gives typed
 * values; systemctl prints text, so kinds are recovered from the text: `yes`/`no` become
 * booleans (except for properties systemd declares as strings), plain decimal integers that fit
 * a double exactly become numbers, everything else stays text as systemctl printed it (so
 * `TasksMax=infinity` rather than upstream's 18446744073709551615).
 *
 * Filters: upstream's (`AllowedCPUs`, `AllowedMemoryNodes`, `Asserts`, `BPFProgram`, `BusName`,
 * `Id`, anything containing `Credential`) plus `Environment`, whose values commonly carry proxy
 * credentials and tokens.
 */
import type { Reading, Subtype } from '../../documents/types.js';
import type { Collector, CollectorContext, CollectorResult } from '../collector.js';
import { runCommand } from '../exec.js';

const DEFAULT_UNITS = ['containerd.service', 'docker.service', 'kubelet.service'] as const;

export interface SystemdCollectorOptions {
  /** The systemctl executable: a name looked up on PATH or a path (default `systemctl`). */
  command?: string;
  /** Units to describe (default containerd, docker and kubelet). */
  units?: readonly string[];
  /** Time limit in milliseconds (default 10 s). */
  timeoutMs?: number;
}

const FILTERED_EXACT = new Set(['AllowedCPUs', 'AllowedMemoryNodes', 'Asserts', 'BPFProgram', 'BusName', 'Id', 'Environment']);
const FILTERED_CONTAINING = ['Credential'];

/** Properties of D-Bus type string whose values can read `yes`/`no`; they stay text. */
const STRING_PROPERTIES = new Set([
  'ProtectHome', 'ProtectSystem', 'ProtectProc', 'ProcSubset', 'PrivateUsersEx', 'PrivateTmpEx', 'PrivatePIDs',
  'ProtectControlGroupsEx', 'ProtectHostnameEx', 'KeyringMode', 'NotifyAccess', 'DevicePolicy', 'ManagedOOMSwap',
  'ManagedOOMMemoryPressure', 'OOMPolicy', 'Restart', 'ExitType', 'MemoryPressureWatch', 'CollectMode', 'FailureAction',
  'SuccessAction', 'StartLimitAction', 'JobTimeoutAction', 'RestartMode',
]);

const UNIT_NAME = /^[A-Za-z0-9:_.@\\-]+\.(service|socket|target|mount|timer|path|slice|scope)$/;

/** Whether a property is left out of the snapshot. */
export function isFilteredProperty(name: string): boolean {
  return FILTERED_EXACT.has(name) || FILTERED_CONTAINING.some((part) => name.includes(part));
}

/** The reading for one `Key=Value` line of `systemctl show`. */
export function systemdReading(name: string, value: string): Reading {
  if ((value === 'yes' || value === 'no') && !STRING_PROPERTIES.has(name)) return value === 'yes';
  if (/^(0|-?[1-9][0-9]*)$/.test(value)) {
    const number = Number(value);
    if (Number.isSafeInteger(number)) return number;
  }
  return value;
}

/**
 * Splits `systemctl show` output for several units (blocks separated by blank lines, in argument
 * order) into one property map per unit.
 */
export function parseSystemctlShow(text: string): Array<Record<string, string>> {
  const blocks: Array<Record<string, string>> = [];
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      current = undefined;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    if (!current) {
      current = {};
      blocks.push(current);
    }
    current[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return blocks;
}

/** Readings of one unit's properties, filtered. */
function unitReadings(properties: Record<string, string>): Record<string, Reading> {
  const data: Record<string, Reading> = {};
  for (const [name, value] of Object.entries(properties)) {
    if (!isFilteredProperty(name)) data[name] = systemdReading(name, value);
  }
  return data;
}

/** The SystemD collector; no systemctl or no running systemd ⇒ unavailable, with the reason. */
export function systemdCollector(options: SystemdCollectorOptions = {}): Collector {
  const command = options.command ?? 'systemctl';
  const units = options.units?.length ? [...options.units] : [...DEFAULT_UNITS];
  for (const unit of units) {
    if (!UNIT_NAME.test(unit)) throw new Error(`invalid systemd unit name: ${JSON.stringify(unit)}`);
  }
  return {
    name: 'systemd',
    async collect(context: CollectorContext): Promise<CollectorResult> {
      const outcome = await runCommand(command, ['show', '--all', '--no-pager', ...units], {
        env: { ...context.env, SYSTEMD_COLORS: '0', SYSTEMD_PAGER: '', LC_ALL: 'C' },
        signal: context.signal,
        timeoutMs: options.timeoutMs ?? 10_000,
        maxBytes: 8 * 1024 * 1024,
      });
      if (!outcome.ok) return { status: 'unavailable', reason: outcome.reason };
      const blocks = parseSystemctlShow(outcome.stdout);
      if (blocks.length !== units.length) {
        return { status: 'unavailable', reason: `${command} show printed ${blocks.length} property blocks for ${units.length} units` };
      }
      const subtypes: Subtype[] = units.map((unit, index) => {
        const block = blocks[index]!;
        if (block.Id !== undefined && block.Id !== unit && !(block.Names ?? '').split(' ').includes(unit)) {
          context.logger.debug(`systemd: ${unit} resolved to ${block.Id}`);
        }
        return { subtype: unit, data: unitReadings(block) };
      });
      return { status: 'collected', measurements: [{ type: 'SystemD', subtypes }] };
    },
  };
}
