/** The core Logger on top of @actions/core: annotations and folded groups in the job log. */
import * as core from '@actions/core';
import type { AnnotationProperties, Logger } from '../core/logger.js';

export function githubLogger(): Logger {
  return {
    debug: (message) => core.debug(message),
    info: (message) => core.info(message),
    notice: (message, properties?: AnnotationProperties) => core.notice(message, properties ?? {}),
    warning: (message, properties?: AnnotationProperties) => core.warning(message, properties ?? {}),
    error: (message, properties?: AnnotationProperties) => core.error(message, properties ?? {}),
    group: (name, run) => core.group(name, run),
  };
}
