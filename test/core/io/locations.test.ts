import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseLocation, readLocation, writeFileAtomic } from '../../../src/core/io.js';
import { redactUrl } from '../../../src/core/redact.js';
import { exitCodeFor, formatError } from '../../../src/core/errors.js';
import { tempDir } from '../../helpers/catalog.js';
import { runBinAsync } from '../../helpers/cli.js';
import { startHttps, type HttpsFixture } from '../../helpers/https.js';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/** What `work` throws. */
function caught(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

const criteria = 'kind: RecipeCriteria\napiVersion: aicr.run/v1\nspec:\n  service: eks\n  accelerator: h100\n  intent: inference\n';

describe('locations', () => {
  it('classifies files, stdin, URLs and ConfigMaps and rejects malformed ones', () => {
    expect(parseLocation('-').kind).toBe('stdio');
    expect(parseLocation('a/b.yaml')).toMatchObject({ kind: 'file', path: 'a/b.yaml' });
    expect(parseLocation('cm://gpu-ops/aicr-snapshot')).toMatchObject({ kind: 'configmap', namespace: 'gpu-ops', name: 'aicr-snapshot' });
    expect(formatError(caught(() => parseLocation('cm://Bad_NS/x', 'snapshot')))).toContain('--snapshot: invalid namespace "Bad_NS"');
    expect(() => parseLocation('cm://ns/a/b')).toThrow('invalid ConfigMap URI');
    expect(() => parseLocation('ftp://example.com/x')).toThrow('ftp:// URLs are not allowed');
    // Workflow artifacts are the actions' (src/github resolves them first); elsewhere: what to do instead.
    const artifact = formatError(caught(() => parseLocation('artifact://aicr-recipe/recipe.yaml', 'recipe')));
    expect(artifact).toContain('--recipe: "artifact://aicr-recipe/recipe.yaml" names a GitHub workflow artifact, which only the GitHub actions read');
    expect(artifact).toContain('download the artifact first');
    expect(() => parseLocation('')).toThrow('the location is empty');
  });

  it.each([
    [' cm://gpu-ops/snap', 'has blanks around it'],
    ['cm://gpu-ops/snap ', 'invalid ConfigMap name'],
    ['cm:gpu-ops/snap', 'cm: needs two slashes'],
    ['cm:/gpu-ops/snap', 'cm: needs two slashes'],
    ['CM://gpu-ops/snap', 'spells the cm:// scheme in upper case'],
    ['Cm://gpu-ops/snap', 'spells the cm:// scheme in upper case'],
    ['cm://gpu-ops', 'it needs a namespace and a name'],
    ['cm://gpu-ops/', 'it needs a namespace and a name'],
    ['cm://gpu-ops/snap/extra', 'it has more than a namespace and a name'],
    ['configmap://gpu-ops/snap', 'uses a scheme aicr does not know'],
    ['configmaps:gpu-ops/snap', 'uses a scheme aicr does not know'],
    [' https://example.com/x', 'has blanks around it'],
    [' - ', 'has blanks around it'],
  ])('refuses the near miss %j with exit 2 and the cm:// form in the hint', (text, message) => {
    const error = caught(() => parseLocation(text, 'snapshot'));
    expect(formatError(error)).toContain(`--snapshot: `);
    expect(formatError(error)).toContain(message);
    expect(exitCodeFor(error)).toBe(2);
  });

  it('still reads names that only look a little like schemes as files', () => {
    expect(parseLocation('cmd/snap.yaml')).toMatchObject({ kind: 'file' });
    expect(parseLocation('my cm://notes.yaml')).toMatchObject({ kind: 'file' });
    expect(parseLocation(' snap.yaml')).toMatchObject({ kind: 'file', path: ' snap.yaml' });
  });

  it('never prints credentials in URLs', () => {
    expect(redactUrl(new URL('https://user:pass@example.com/x?token=abc&page=2'))).toBe('https://redacted@example.com/x?token=redacted&page=2');
  });

  it('reports a missing file as not found and a directory as invalid input', async () => {
    const missing = await readLocation(parseLocation('/no/such/file.yaml'), { input: 'criteria' }).catch((e) => e);
    expect(formatError(missing)).toContain('--criteria: file not found: /no/such/file.yaml');
    expect(exitCodeFor(missing)).toBe(3);
    const dir = tempDir();
    expect(exitCodeFor(await readLocation(parseLocation(dir)).catch((e) => e))).toBe(2);
  });

  it('enforces the size limit on files and stdin before reading everything', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.yaml'), 'x'.repeat(2048));
    expect(formatError(await readLocation(parseLocation(join(dir, 'big.yaml')), { maxBytes: 1024 }).catch((e) => e))).toContain('is too large (2048 bytes, limit 1024 bytes)');
    const { Readable } = await import('node:stream');
    const stdin = Readable.from([Buffer.alloc(600), Buffer.alloc(600)]);
    expect(formatError(await readLocation(parseLocation('-'), { maxBytes: 1024, stdin }).catch((e) => e))).toContain('too large');
  });

  it('writes files atomically: the old content stays until the new one is complete', () => {
    const dir = tempDir();
    const target = join(dir, 'nested', 'out.yaml');
    writeFileAtomic(target, 'first\n');
    writeFileAtomic(target, 'second\n');
    expect(readFileSync(target, 'utf8')).toBe('second\n');
    expect(readdirSync(join(dir, 'nested'))).toEqual(['out.yaml']);
    mkdirSync(join(dir, 'is-a-dir'));
    expect(() => writeFileAtomic(join(dir, 'is-a-dir'), 'x')).toThrow('is a directory');
  });
});

describe('https inputs (real TLS, through the bundled CLI)', () => {
  let server: HttpsFixture;
  beforeAll(async () => {
    server = await startHttps((req, res) => {
      if (req.url === '/criteria.yaml') {
        res.writeHead(200, { 'content-type': 'application/yaml' });
        res.end(criteria);
      } else if (req.url === '/declared-huge.yaml') {
        res.writeHead(200, { 'content-length': String(20 * 1024 * 1024) });
        res.end();
      } else if (req.url === '/streamed-huge.yaml') {
        res.writeHead(200);
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < 20 && res.write(chunk)) sent++;
          if (sent < 20) res.once('drain', pump);
          else res.end();
        };
        pump();
      } else if (req.url === '/drip.yaml') {
        // Headers at once, then a byte every 100 ms, forever.
        res.writeHead(200);
        const timer = setInterval(() => res.write('#'), 100);
        res.on('close', () => clearInterval(timer));
      } else if (req.url === '/hang.yaml') {
        req.on('close', () => res.destroy());
      } else if (req.url === '/to-http') {
        res.writeHead(302, { location: 'http://127.0.0.1:1/criteria.yaml' });
        res.end();
      } else {
        res.writeHead(404);
        res.end('not here');
      }
    });
  });
  afterAll(() => server.close());

  const run = (path: string, env: NodeJS.ProcessEnv = {}) => runBinAsync(['recipe', '--criteria', `${server.url}${path}`], { env: { PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: server.caFile, ...env } });

  it('reads a criteria document from an https URL', async () => {
    const result = await run('/criteria.yaml');
    expect(result.code, result.stderr).toBe(0);
    expect(parse(result.stdout).metadata.appliedOverlays).toEqual(['base', 'monitoring-hpa', 'h100-any', 'eks', 'eks-inference', 'h100-eks-inference']);
  });

  it('refuses oversized bodies, declared or streamed', async () => {
    expect((await run('/declared-huge.yaml')).stderr).toContain('is too large (20971520 bytes');
    const streamed = await run('/streamed-huge.yaml');
    expect(streamed.code).toBe(2);
    expect(streamed.stderr).toContain('is too large (more than');
  });

  it('ends a body that drips and a server that never answers at the deadline (exit 5), AICR_REQUEST_TIMEOUT setting it', async () => {
    const started = Date.now();
    const dripping = await run('/drip.yaml', { AICR_REQUEST_TIMEOUT: '1s' });
    expect([dripping.code, dripping.stderr]).toEqual([5, expect.stringMatching(/--criteria: https:\/\/127\.0\.0\.1:\d+\/drip\.yaml sent \d+ bytes but did not finish within 1 s/)]);
    const silent = await run('/hang.yaml', { AICR_REQUEST_TIMEOUT: '1s' });
    expect([silent.code, silent.stderr]).toEqual([5, expect.stringContaining('hang.yaml did not answer within 1 s')]);
    expect(Date.now() - started).toBeLessThan(10_000);
    const malformed = await run('/criteria.yaml', { AICR_REQUEST_TIMEOUT: 'soon' });
    expect([malformed.code, malformed.stderr]).toEqual([2, expect.stringContaining('AICR_REQUEST_TIMEOUT: "soon" is not a duration')]);
  });

  it('maps an unreachable server to unavailable (exit 6)', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const result = await runBinAsync(['recipe', '--criteria', `https://127.0.0.1:${port}/criteria.yaml`], { env: { PATH: process.env.PATH } });
    expect([result.code, result.stderr]).toEqual([6, expect.stringContaining(`cannot fetch https://127.0.0.1:${port}/criteria.yaml: ECONNREFUSED`)]);
  });

  it('maps HTTP 404 to not found and refuses a redirect to plain http', async () => {
    const missing = await run('/nope.yaml');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('answered HTTP 404');
    const redirected = await run('/to-http');
    expect(redirected.code).not.toBe(0);
    expect(redirected.stdout).toBe('');
  });
});
