/** The core Logger on top of @actions/core: annotations and folded groups in the job log. */
import * as core from '@actions/core';
import type { AnnotationProperties, Logger } from '../core/logger.js';
import { inputNamer, renderOptionRefs, type OptionNamer } from '../core/option-refs.js';
import { redactText } from '../core/redact.js';
import { neutralizeCommands, stripControls } from '../core/safe-text.js';

/**
 * Text for the job log, an annotation or a group heading: option references in the input
 * spelling, secrets redacted, escape sequences and control characters removed, and every line
 * inert for the runner (core.info writes text as-is; annotations show their lines in the log).
 */
export function githubText(message: string, namer: OptionNamer = inputNamer): string {
  return neutralizeCommands(stripControls(redactText(renderOptionRefs(message, namer))));
}

/** Annotation properties with a title made safe like the message. */
export function githubProperties(properties: AnnotationProperties | undefined, namer: OptionNamer = inputNamer): core.AnnotationProperties {
  const safe: core.AnnotationProperties = { ...(properties ?? {}) };
  if (safe.title !== undefined) safe.title = githubText(safe.title, namer);
  return safe;
}

export function githubLogger(namer: OptionNamer = inputNamer): Logger {
  const text = (message: string): string => githubText(message, namer);
  return {
    debug: (message) => core.debug(text(message)),
    info: (message) => core.info(text(message)),
    notice: (message, properties?: AnnotationProperties) => core.notice(text(message), githubProperties(properties, namer)),
    warning: (message, properties?: AnnotationProperties) => core.warning(text(message), githubProperties(properties, namer)),
    error: (message, properties?: AnnotationProperties) => core.error(text(message), githubProperties(properties, namer)),
    group: (name, run) => core.group(text(name), run),
  };
}
