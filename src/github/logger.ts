/** The core Logger on top of @actions/core: annotations and folded groups in the job log. */
import * as core from '@actions/core';
import { neutralizeCommands, type AnnotationProperties, type Logger } from '../core/logger.js';

export function githubLogger(): Logger {
  return {
    debug: (message) => core.debug(message),
    // core.info writes text as-is, so text that looks like a workflow command is neutralised.
    info: (message) => core.info(neutralizeCommands(message)),
    notice: (message, properties?: AnnotationProperties) => core.notice(message, properties ?? {}),
    warning: (message, properties?: AnnotationProperties) => core.warning(message, properties ?? {}),
    error: (message, properties?: AnnotationProperties) => core.error(message, properties ?? {}),
    group: (name, run) => core.group(name, run),
  };
}

/** A log line for text that may carry input values (paths, notices): never a workflow command. */
export function info(message: string): void {
  core.info(neutralizeCommands(message));
}
