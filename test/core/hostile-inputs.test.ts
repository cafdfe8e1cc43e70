// Hostile inputs across modules: each one gets a clear error with its exit code, and none can
// hang the process, exhaust memory, overflow the stack, leak a credential or forge a CI command.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/core/bundle/template/index.js';
import { openExternalDirectory } from '../../src/core/catalog/source.js';
import { readDocument } from '../../src/core/documents/index.js';
import { exitCodeFor, formatError } from '../../src/core/errors.js';
import { formatColumns } from '../../src/core/format.js';
import { parseLocation, readLocation } from '../../src/core/io.js';
import { consoleLogger } from '../../src/core/logger.js';
import { neutralizeCommands } from '../../src/core/safe-text.js';
import { compareStrings, toYaml } from '../../src/core/serialize.js';
import { parse } from 'yaml';
import { tempDir, writeTree } from '../helpers/catalog.js';
import { runBin } from '../helpers/cli.js';

describe('hostile inputs', () => {
  it('a manifest template cannot loop without end or allocate without bound', () => {
    const started = performance.now();
    expect(() => renderTemplate('{{range 100000}}{{range 100000}}{{end}}{{end}}', {}, 'm.yaml')).toThrow(/execution exceeds \d+ steps/);
    expect(() => renderTemplate('{{range 200000000}}{{end}}', {}, 'm.yaml')).toThrow(/execution exceeds/);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(renderTemplate('{{range 3}}{{.}}{{end}}', {}, 'm.yaml').text).toBe('012');
  });

  it('YAML aliases cannot multiply a document past its size limit', async () => {
    const keys = Array.from({ length: 6000 }, (_, i) => `  k${i}: ${'v'.repeat(60)}`).join('\n');
    const aliases = Array.from({ length: 99 }, (_, i) => `copy${i}: *big`).join('\n');
    const text = `kind: RecipeCriteria\napiVersion: aicr.run/v1\nbig: &big\n${keys}\n${aliases}\n`;
    const error = await readDocument('RecipeCriteria', text, 'bomb.yaml').catch((e) => e);
    expect(formatError(error)).toContain('expands to more than');
    expect(exitCodeFor(error)).toBe(2);
    // A few small aliases stay fine.
    const ok = await readDocument('RecipeCriteria', 'kind: RecipeCriteria\napiVersion: aicr.run/v1\nmetadata:\n  name: &n eks\nspec:\n  service: *n\n', 'ok.yaml');
    expect(ok.document.spec?.service).toBe('eks');
  });

  it('devices and pipes are refused instead of being read without a limit', async () => {
    const error = await readLocation(parseLocation('/dev/zero', 'snapshot'), { input: 'snapshot' }).catch((e) => e);
    expect(formatError(error)).toContain('--snapshot: /dev/zero is not a regular file');
    expect(exitCodeFor(error)).toBe(2);
  });

  it('URLs carrying credentials are refused without printing them', () => {
    let message = '';
    try {
      parseLocation('https://ci-user:s3cr3tTOKEN@example.com/snap.yaml', 'baseline');
    } catch (error) {
      message = formatError(error);
    }
    expect(message).toContain('--baseline: URLs with user:password are not supported');
    expect(message).not.toContain('s3cr3tTOKEN');
  });

  it('data directory file names with control characters or backslashes are refused', () => {
    const dir = writeTree({ 'registry.yaml': 'components: []\n' });
    mkdirSync(join(dir, 'components', 'x'), { recursive: true });
    writeFileSync(join(dir, 'components', 'x', 'a\nb.txt'), 'x');
    writeFileSync(join(dir, 'components', 'x', 'c\\d.txt'), 'x');
    const message = (() => {
      try {
        openExternalDirectory(dir);
        return '';
      } catch (error) {
        return formatError(error);
      }
    })();
    expect(message).toContain('unsupported character in file name: "components/x/a\\nb.txt"');
    expect(message).toContain('components/x/c\\\\d.txt');
  });

  it('log text cannot start a workflow command', () => {
    expect(neutralizeCommands('ok\n::add-mask::secret\n  ::error file=x::forged')).not.toMatch(/^\s*::/m);
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    consoleLogger({ stream }).warning('bad file', { file: 'x\n::error title=ok::all good' });
    consoleLogger({ stream }).info('line\n::stop-commands::zzz');
    const text = chunks.join('');
    expect(text).not.toMatch(/^\s*::/m);
    expect(text).toContain('"x\\n::error title=ok::all good"');
  });

  it('large documents do not overflow the stack when written or tabulated', () => {
    const long = Array.from({ length: 200_000 }, (_, i) => `item-${i}`);
    const text = toYaml([{ list: long }]);
    expect(parse(text)[0].list).toHaveLength(200_000);
    expect(formatColumns(['A'], long.map((item) => [item])).split('\n')).toHaveLength(200_003);
  });

  it('orders names by their UTF-8 bytes (code points), as checksums.txt requires', () => {
    const names = ['！.yaml', '😀.yaml', 'a.yaml', 'é.yaml'];
    const byBytes = [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect([...names].sort(compareStrings)).toEqual(byBytes);
  });

  it('a valuesFile that is not a values file is an input error, also in the bundled CLI', () => {
    const dir = tempDir();
    const recipe = {
      kind: 'RecipeResult', apiVersion: 'aicr.nvidia.com/v1alpha1', metadata: {}, criteria: {},
      componentRefs: [{ name: 'cert-manager', namespace: 'cert-manager', type: 'Helm', source: 'https://charts.jetstack.io', version: 'v1.17.2', valuesFile: 'README.md' }],
      deploymentOrder: ['cert-manager'],
    };
    writeFileSync(join(dir, 'recipe.yaml'), toYaml(recipe));
    const result = runBin(['bundle', '-r', join(dir, 'recipe.yaml'), '-o', join(dir, 'out')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('README.md is not a values file of the catalog');
  });
});
