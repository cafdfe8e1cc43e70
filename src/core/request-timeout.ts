/**
 * AICR_REQUEST_TIMEOUT: the deadline of each remote operation — one https document read (the
 * whole body included) or one Kubernetes API call with all its retries. Unset, each keeps its
 * own default (30 s for https documents, 60 s for Kubernetes calls). A CI job that would rather
 * fail fast than wait out a sick cluster sets it lower; tests set it to a second.
 */
import { invalidInput } from './errors.js';
import { quoted } from './safe-text.js';
import { DURATION_HINT, durationMs } from './options/values.js';

export const REQUEST_TIMEOUT_VARIABLE = 'AICR_REQUEST_TIMEOUT';

/** Milliseconds of $AICR_REQUEST_TIMEOUT, or undefined when unset; exit 2 when malformed or 0. */
export function requestTimeoutMs(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const text = env[REQUEST_TIMEOUT_VARIABLE]?.trim();
  if (!text) return undefined;
  const parsed = durationMs(text);
  if (typeof parsed === 'string' || parsed <= 0) {
    throw invalidInput(`${REQUEST_TIMEOUT_VARIABLE}: ${quoted(text)} is ${typeof parsed === 'string' ? parsed : 'not a positive duration'}`, {
      hint: `${DURATION_HINT}; or unset ${REQUEST_TIMEOUT_VARIABLE} for the defaults`,
    });
  }
  return parsed;
}
