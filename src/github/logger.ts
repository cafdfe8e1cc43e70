/** The core Logger on top of @actions/core: annotations and folded groups in the job log. */
import * as core from '@actions/core';
import { neutralizeCommands, type AnnotationProperties, type Logger } from '../core/logger.js';
import { inputNamer, renderOptionRefs, type OptionNamer } from '../core/option-refs.js';

export function githubLogger(namer: OptionNamer = inputNamer): Logger {
  const text = (message: string): string => renderOptionRefs(message, namer);
  return {
    debug: (message) => core.debug(text(message)),
    // core.info writes text as-is, so text that looks like a workflow command is neutralised.
    info: (message) => core.info(neutralizeCommands(text(message))),
    notice: (message, properties?: AnnotationProperties) => core.notice(text(message), properties ?? {}),
    warning: (message, properties?: AnnotationProperties) => core.warning(text(message), properties ?? {}),
    error: (message, properties?: AnnotationProperties) => core.error(text(message), properties ?? {}),
    group: (name, run) => core.group(name, run),
  };
}
