/**
 * The logging interface core code writes to. Front doors supply an adapter: plain console for
 * the CLI and GitLab jobs, workflow commands and annotations on GitHub. Messages may name options
 * (options/refs.ts); adapters print them in their door's spelling.
 */
import { renderOptionRefs, type OptionNamer } from './option-refs.js';
import { redactText } from './redact.js';
import { neutralizeCommands } from './safe-text.js';

/** Where a finding points; paths are relative to the workspace when possible. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  notice(message: string, properties?: AnnotationProperties): void;
  warning(message: string, properties?: AnnotationProperties): void;
  error(message: string, properties?: AnnotationProperties): void;
  /** Folds the log of `run` under a heading (a no-op fold on plain consoles). */
  group<T>(name: string, run: () => Promise<T>): Promise<T>;
}

export interface ConsoleLoggerOptions {
  /** Stream for all log lines (default stderr: stdout carries documents). */
  stream?: NodeJS.WritableStream;
  debug?: boolean;
  /** One JSON object per line instead of text. */
  json?: boolean;
  /** How option references in messages are spelled (default: as flags). */
  namer?: OptionNamer;
}

/**
 * Text from hostile sources (snapshot readings, file names) may hold carriage returns and
 * terminal escapes that rewrite what a CI log shows (GitLab section markers, hidden lines):
 * they are printed as visible escapes.
 */
function visibleControls(text: string): string {
  return text.replace(/[\r\u001b\u0085\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A file name on one line: control characters (a newline could start a new log line) escaped. */
function safeName(name: string): string {
  return /[\u0000-\u001f\u007f]/.test(name) ? JSON.stringify(name) : name;
}

function where(properties?: AnnotationProperties): string {
  if (!properties?.file) return '';
  const file = safeName(properties.file);
  return properties.startLine ? `${file}:${properties.startLine}: ` : `${file}: `;
}

/** Plain text (or JSON lines) on stderr. */
export function consoleLogger(options: ConsoleLoggerOptions = {}): Logger {
  const stream = options.stream ?? process.stderr;
  const write = (level: string, text: string, properties?: AnnotationProperties): void => {
    const message = redactText(renderOptionRefs(text, options.namer));
    if (options.json) {
      stream.write(neutralizeCommands(JSON.stringify({ level, msg: message, ...(properties ?? {}) })) + '\n');
      return;
    }
    const prefix = level === 'info' ? '' : `${level}: `;
    const title = properties?.title ? `${properties.title}: ` : '';
    stream.write(neutralizeCommands(visibleControls(`${prefix}${where(properties)}${title}${message}`)) + '\n');
  };
  return {
    debug: (message) => {
      if (options.debug) write('debug', message);
    },
    info: (message) => write('info', message),
    notice: (message, properties) => write('notice', message, properties),
    warning: (message, properties) => write('warning', message, properties),
    error: (message, properties) => write('error', message, properties),
    group: async (name, run) => {
      if (!options.json) stream.write(`${neutralizeCommands(visibleControls(name))}\n`);
      return run();
    },
  };
}

/** Discards everything (tests, benchmarks). */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  notice: () => {},
  warning: () => {},
  error: () => {},
  group: (_name, run) => run(),
};
