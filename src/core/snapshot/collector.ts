/**
 * The contract between the snapshot orchestrator and its collectors (os, systemd, gpu, k8s,
 * topology). A collector either returns measurements or says, in words, why its source is
 * unavailable; it never invents a reading.
 */
import type { Measurement } from '../documents/types.js';
import type { ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';

export type CollectorName = 'os' | 'systemd' | 'gpu' | 'k8s' | 'topology';

export interface CollectorContext {
  logger: Logger;
  /** Cancelled when the overall snapshot deadline passes or the run is interrupted. */
  signal: AbortSignal;
  env: NodeJS.ProcessEnv;
}

export type CollectorResult =
  | { status: 'collected'; measurements: Measurement[] }
  /** `code`: the source exists but refused or failed (a cluster's 403, 429, 5xx, deadline), as opposed to absent. */
  | { status: 'unavailable'; reason: string; code?: ErrorCode };

export interface Collector {
  readonly name: CollectorName;
  collect(context: CollectorContext): Promise<CollectorResult>;
}
