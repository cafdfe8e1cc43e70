import { statSync } from 'node:fs';
import { optionError } from '../../core/errors.js';
import { parseLocation, readLocation, writeFileAtomic } from '../../core/io.js';
import { defineOptions } from '../../core/options/spec.js';
import { convertDocumentText } from '../../core/convert/convert.js';
import { convertCatalog, writeConvertedCopy, writeConvertedInPlace } from '../../core/convert/catalog.js';
import { unifiedDiff } from '../../core/convert/diff.js';
import { defineCommand } from '../context.js';

const CLI_ONLY = 'a one-off rewrite of files in a checkout; run "aicr convert" and commit the result';
const absent = { action: CLI_ONLY, gitlab: CLI_ONLY };

const CONVERT_OPTIONS = defineOptions({
  file: {
    type: 'string',
    positional: true,
    description: 'One document (Snapshot, RecipeResult, RecipeCriteria, RecipeMetadata, RecipeMixin, ComponentRegistry, AICRConfig) to convert, or - for standard input.',
    placeholder: '<file|->',
    absent,
  },
  data: {
    type: 'string',
    description: 'A recipe catalog directory (laid out like recipes/) whose registry.yaml, overlays/ and mixins/ documents are converted.',
    placeholder: '<dir>',
    absent,
  },
  output: {
    type: 'string',
    aliases: ['-o'],
    description: 'Where to write the result: a file (or - for standard output) for one document, a new folder for a catalog. Default: in place (standard output for -).',
    placeholder: '<file|dir|->',
    absent,
  },
  dryRun: {
    type: 'bool',
    description: 'Print a unified diff of the changes and write nothing.',
    absent,
  },
});

export const command = defineCommand({
  name: 'convert',
  summary: 'Rewrite a document or a whole catalog to the current apiVersions (upstream AICR v1): only the apiVersion line changes.',
  usage: 'aicr convert <file|-> [--output F] [--dry-run] | aicr convert --data <dir> [--output <new-dir>] [--dry-run]',
  options: CONVERT_OPTIONS,
  examples: [
    'aicr convert recipe.yaml',
    'aicr convert --data ./my-recipes --dry-run',
    'aicr convert --data ./my-recipes --output ./my-recipes-v1',
    'cat snapshot.yaml | aicr convert - > snapshot-v1.yaml',
  ],
  async run(values, context) {
    if (values.file !== undefined && values.data !== undefined) throw optionError('data', 'cannot be combined with a file argument', { hint: 'convert one document or one catalog per run' });
    if (values.data !== undefined) {
      const files = await convertCatalog(values.data);
      if (values.dryRun) {
        context.stdout.write(files.map((file) => unifiedDiff(file.path, file.before, file.after)).join(''));
      } else if (values.output !== undefined) {
        writeConvertedCopy(values.data, files, values.output, 'output');
      } else {
        writeConvertedInPlace(values.data, files, 'data');
      }
      for (const file of files) context.logger.info(`${file.path}: ${file.change.kind} apiVersion ${file.change.from ?? '(none)'} → ${file.change.to}`);
      const verb = values.dryRun ? 'would convert' : 'converted';
      context.logger.info(`${verb} ${files.length} document${files.length === 1 ? '' : 's'} of ${values.data}${values.output && !values.dryRun ? ` into ${values.output}` : ''}`);
      return 0;
    }
    if (values.file === undefined || values.file === '') throw optionError('file', 'is required: a document to convert, or - for standard input (or --data for a catalog)', { hint: 'e.g. aicr convert recipe.yaml' });
    const location = parseLocation(values.file, 'file');
    if (location.kind !== 'file' && location.kind !== 'stdio') throw optionError('file', 'must be a file path or -', { hint: 'download the document first; convert rewrites local files' });
    const { text, origin } = await readLocation(location, { input: 'file', stdin: context.stdin, ...(context.signal ? { signal: context.signal } : {}) });
    const converted = await convertDocumentText(text, origin);
    if (values.dryRun) {
      context.stdout.write(unifiedDiff(location.kind === 'file' ? location.path : 'stdin', text, converted.text));
    } else {
      const output = values.output ?? values.file;
      if (output === '-') context.stdout.write(converted.text);
      else if (output === values.file && converted.change) writeFileAtomic(output, converted.text, 'file', statSync(output).mode & 0o777);
      else if (output !== values.file) writeFileAtomic(output, converted.text, 'output');
    }
    const change = converted.change;
    context.logger.info(change ? `${origin}: ${change.kind} apiVersion ${change.from ?? '(none)'} → ${change.to}${values.dryRun ? ' (dry run)' : ''}` : `${origin}: already current`);
    return 0;
  },
});
