/** Durations written as upstream AICR's flags take them (Go syntax: `90s`, `10m`, `1h30m`, `1.5h`). */
import { invalidInput } from '../errors.js';

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Milliseconds of a Go-style duration. A bare number without a unit is rejected (as upstream
 * does), as are negative values; `input` names the flag or action input in the error.
 */
export function parseDuration(text: string, input: string): number {
  const value = text.trim();
  const hint = `write a number with a unit (ms, s, m, h), e.g. ${input} 90s or ${input} 5m`;
  if (value === '0') return 0;
  if (!/^(\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))*$/.test(value)) {
    throw invalidInput(`${input}: "${text}" is not a duration`, { hint });
  }
  let total = 0;
  for (const match of value.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(match[1]) * UNIT_MS[match[2]!]!;
  if (!Number.isFinite(total) || total > 365 * 24 * 3_600_000) throw invalidInput(`${input}: "${text}" is too long`, { hint });
  return Math.round(total);
}

