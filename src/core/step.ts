/**
 * What a stage's step needs from the door running it. A step (src/core/<stage>/step.ts) is the
 * one implementation of a stage as users run it: read the documents, run the stage, write the
 * files, set the outputs, log what happened. The CLI, the GitLab components, the stage actions
 * and the root action all run the same steps and differ only in these sinks.
 */
import type { Logger } from './logger.js';
import type { OutputSink } from './options/outputs.js';

export interface StepIO {
  logger: Logger;
  /** Step outputs: GitHub step outputs, GitLab dotenv lines, or nothing at a terminal. */
  outputs: OutputSink;
  env: NodeJS.ProcessEnv;
  /** Where `-` reads from. */
  stdin?: NodeJS.ReadableStream;
  /** Where `-` writes to. */
  stdout?: NodeJS.WritableStream;
  /** Repository root that report and annotation paths are made relative to. */
  workspace: string;
  /** Debug logging is on (`--debug`, AICR_DEBUG, the runner's debug mode): the agent logs at debug level too. */
  debug?: boolean;
  /** Aborted by SIGINT/SIGTERM (src/core/interrupts.ts): waits end, and nothing half-done is written. */
  signal?: AbortSignal;
}

/** Read options for a location given by `option`, with the door's stdin and the kubeconfig. */
export function readOptionsFor(option: string, io: StepIO, kubeconfig: string | undefined): { option: string; logger: Logger; stdin?: NodeJS.ReadableStream; kubeconfig?: string; signal?: AbortSignal } {
  return { option, logger: io.logger, ...(io.stdin ? { stdin: io.stdin } : {}), ...(kubeconfig ? { kubeconfig } : {}), ...(io.signal ? { signal: io.signal } : {}) };
}

/** Claim and write options of a step's outputs: its kubeconfig for cm:// and its interrupt. */
export function writeOptionsFor(io: StepIO, kubeconfig: string | undefined): { kubeconfig?: string; signal?: AbortSignal } {
  return { ...(kubeconfig ? { kubeconfig } : {}), ...(io.signal ? { signal: io.signal } : {}) };
}
