// First-hour habits of the command line: global flags on either side of the command, boolean
// environment variables as Go's strconv.ParseBool reads them, --debug showing each decision
// (overlays, files, requests and retries) without secrets, and a closed stdout pipe.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFakeCluster } from '../fake-kube/harness.js';
import { tempDir, writeTree } from '../helpers/catalog.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/paths.js';

const env = (extra: Record<string, string> = {}) => ({ PATH: process.env.PATH, ...extra });
const debugLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('debug: '));

describe('global flags', () => {
  it.each([
    [['--debug', 'recipe', '--service', 'eks']],
    [['recipe', '--debug', '--service', 'eks']],
    [['recipe', '--service', 'eks', '--debug']],
    [['--debug=true', 'recipe', '--service', 'eks']],
  ])('are taken before, among or after the command\'s flags: %j', async (argv) => {
    const result = await runCli(argv);
    expect(result.code, result.stderr).toBe(0);
    expect(debugLines(result.stderr).length).toBeGreaterThan(5);
  });

  it('--log-json before the command turns every log line into JSON', async () => {
    const result = await runCli(['--log-json', '--debug', 'recipe', '--service', 'eks']);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('level');
  });
});

describe('boolean environment variables', () => {
  const on = ['1', 't', 'T', 'true', 'True', 'TRUE'];
  const off = ['0', 'f', 'F', 'false', 'False', 'FALSE'];

  it.each(on)('AICR_DEBUG=%s turns debug logs on', async (value) => {
    const result = await runCli(['recipe', '--service', 'eks'], { env: env({ AICR_DEBUG: value }) });
    expect(result.code, result.stderr).toBe(0);
    expect(debugLines(result.stderr).length).toBeGreaterThan(5);
  });

  it.each(off)('AICR_DEBUG=%s leaves them off', async (value) => {
    const result = await runCli(['recipe', '--service', 'eks'], { env: env({ AICR_DEBUG: value }) });
    expect(result.code, result.stderr).toBe(0);
    expect(debugLines(result.stderr)).toEqual([]);
  });

  it.each([
    ['AICR_DEBUG', ['recipe', '--service', 'eks']],
    ['AICR_LOG_JSON', ['recipe', '--service', 'eks']],
    ['AICR_REQUIRE_GPU', ['snapshot', '-o', '/dev/null']],
  ])('%s=yes is exit 2 naming the variable and the values it takes', async (variable, argv) => {
    const result = await runCli(argv, { env: env({ [variable]: 'yes' }) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`environment variable ${variable} takes a boolean, not "yes"`);
    expect(result.stderr).toContain(`hint: set ${variable} to 1, t, T, TRUE, true, True (on) or 0, f, F, FALSE, false, False (off), or unset it`);
    expect(result.stdout).toBe('');
  });

  it('is not consulted when the flag is given', async () => {
    const result = await runCli(['recipe', '--service', 'eks', '--debug'], { env: env({ AICR_DEBUG: 'yes' }) });
    expect(result.code, result.stderr).toBe(0);
  });
});

describe('--debug shows the decisions of a run', () => {
  it('names every overlay matched, not matched (and why), and the chain applied', async () => {
    const result = await runCli(['--debug', 'recipe', '--service', 'eks', '--accelerator', 'h100', '--intent', 'training']);
    expect(result.code, result.stderr).toBe(0);
    const lines = debugLines(result.stderr);
    expect(lines).toContain('debug: recipe: overlay eks: matched');
    expect(lines).toContain('debug: recipe: overlay h100-eks-training: matched');
    expect(lines).toContain('debug: recipe: overlay gke-cos: not matched (it needs service gke, not eks; os cos, not any)');
    expect(lines).toContain('debug: recipe: overlay h100-aks-inference: not matched (it needs service aks, not eks; intent inference, not training)');
    expect(lines.some((line) => /^debug: recipe: overlay h100-eks-training: chain .*eks → eks-training → h100-eks-training$/.test(line))).toBe(true);
  });

  it('says which overlays a snapshot excluded and which constraint failed', async () => {
    const dir = writeTree({ 'snapshot.yaml': { kind: 'Snapshot', apiVersion: 'aicr.run/v1', measurements: [{ type: 'K8s', subtypes: [{ subtype: 'server', data: { version: 'v1.24.17-eks-2d98532' } }] }] } });
    const result = await runCli(['--debug', 'recipe', '--snapshot', join(dir, 'snapshot.yaml'), '--accelerator', 'h100', '--intent', 'training']);
    // Upstream's coverage rule: the excluded overlays were the only ones carrying eks + h100 + training.
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain("hint: the snapshot's constraints excluded overlays that carry it (eks, eks-training, h100-eks-training)");
    expect(result.stderr).toMatch(/debug: recipe: overlay eks: excluded by the snapshot: K8s\.server\.version expected >= 1\.\d+, got v?1\.24/);
    expect(result.stderr).toContain(`debug: --snapshot: read ${join(dir, 'snapshot.yaml')} (`);
  });

  it('names the files read and written, with their sizes', async () => {
    const dir = tempDir();
    const recipe = join(dir, 'recipe.yaml');
    const first = await runCli(['--debug', 'recipe', '--service', 'eks', '-o', recipe]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`debug: --output: wrote ${recipe} (${readFileSync(recipe).length} bytes)`);
    const bundle = await runCli(['--debug', 'bundle', '-r', recipe, '-o', join(dir, 'bundle')]);
    expect(bundle.code, bundle.stderr).toBe(0);
    expect(bundle.stderr).toContain(`debug: --recipe: read ${recipe} (${readFileSync(recipe).length} bytes)`);
    const checksums = join(dir, 'bundle', 'checksums.txt');
    expect(bundle.stderr).toContain(`debug: --output: wrote ${checksums} (${readFileSync(checksums).length} bytes)`);
    const written = debugLines(bundle.stderr).filter((line) => line.startsWith('debug: --output: wrote '));
    expect(written.length).toBe(readFileSync(checksums, 'utf8').trim().split('\n').length + 1);
  });

  it('without --debug none of it is printed', async () => {
    const result = await runCli(['recipe', '--service', 'eks', '-o', join(tempDir(), 'r.yaml')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('debug:');
  });
});

describe('--debug shows Kubernetes requests and retries, never the credentials', () => {
  const cluster = useFakeCluster();

  it('logs each request, its status and the retry after a 500', async () => {
    const criteria = 'kind: RecipeCriteria\napiVersion: aicr.run/v1\nspec:\n  service: eks\n';
    cluster.fake.create('configmaps', { metadata: { name: 'criteria', namespace: 'default' }, data: { 'snapshot.yaml': criteria } });
    cluster.fake.inject({ verb: 'get', resource: 'configmaps', status: 500 });
    const result = await runCli(['--debug', 'recipe', '--criteria', 'cm://default/criteria', '--kubeconfig', cluster.kubeconfig]);
    expect(result.code, result.stderr).toBe(0);
    const lines = debugLines(result.stderr);
    expect(lines.filter((line) => line === 'debug: GET /api/v1/namespaces/default/configmaps/criteria')).toHaveLength(2);
    expect(lines).toContain('debug: GET /api/v1/namespaces/default/configmaps/criteria answered HTTP 500');
    expect(lines).toContain('debug: GET /api/v1/namespaces/default/configmaps/criteria answered HTTP 200');
    expect(lines.some((line) => /^debug: retrying: get configmaps "criteria" in namespace "default" failed \(HTTP 500 InternalError\); attempt 2 of \d+ in [\d.]+ s$/.test(line))).toBe(true);
    expect(lines).toContain(`debug: --criteria: read cm://default/criteria#snapshot.yaml (${Buffer.byteLength(criteria)} bytes)`);
    expect(lines.some((line) => line.startsWith('debug: Kubernetes: kubeconfig ') && line.includes(', server http://127.0.0.1:'))).toBe(true);
    expect(result.stderr).not.toContain('admin-token');
  });
});

describe('a closed standard output', () => {
  it('ends the run quietly with exit 0 when the reader went away (aicr recipe | head -1)', async () => {
    // The reader closes its end before the CLI writes anything: every write fails with EPIPE.
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'aicr.js'), 'recipe', '--service', 'eks', '--accelerator', 'h100', '--format', 'json'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('keeps the exit code when the reader of stderr went away (no crash over the failed log write)', async () => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'aicr.js'), 'recipe', '--no-such-flag'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr.destroy();
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });

  it('with a real pipe into head -1, prints the first line only and exits 0 with nothing on stderr', async () => {
    const child = spawn('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${join(REPO_ROOT, 'bin', 'aicr.js')}" query --service eks --selector . 2>err.txt | head -1; echo "exit=$?"; cat err.txt`], { cwd: tempDir(), env: env() });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    await new Promise((resolve) => child.on('close', resolve));
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('exit=0');
  });
});
