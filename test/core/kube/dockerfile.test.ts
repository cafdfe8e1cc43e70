/**
 * docker/Dockerfile cannot be built here (no Docker), so its contract is checked instead: the
 * instructions are what we promise (node:20-slim, non-root user, ENTRYPOINT aicr), every COPY
 * source exists and passes the .dockerignore, and the copied file set alone (no node_modules)
 * runs the CLI, including the lazily loaded Kubernetes client against the fake API server.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT } from '../../helpers/paths.js';
import { useFakeCluster } from '../../fake-kube/harness.js';

const cluster = useFakeCluster();

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions with line continuations joined and comments dropped. */
function instructions(text: string): Instruction[] {
  const joined = text.replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([A-Za-z]+)\s+(.*)$/.exec(line)!;
      return { keyword: match[1]!.toUpperCase(), args: match[2]!.trim() };
    });
}

function run(argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, argv, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('docker/Dockerfile', () => {
  const dockerfile = readFileSync(join(REPO_ROOT, 'docker', 'Dockerfile'), 'utf8');
  const steps = instructions(dockerfile);
  const copies = steps.filter((s) => s.keyword === 'COPY').map((s) => s.args.split(/\s+/));

  it('builds on node:20-slim, runs as a non-root user, enters through aicr', () => {
    expect(steps[0]).toEqual({ keyword: 'FROM', args: 'node:20-slim' });
    const users = steps.filter((s) => s.keyword === 'USER').map((s) => s.args);
    expect(users.at(-1)).toBe('node');
    expect(steps.find((s) => s.keyword === 'ENTRYPOINT')!.args).toBe('["aicr"]');
    expect(steps.find((s) => s.keyword === 'RUN')!.args).toContain('ln -s /opt/aicr/bin/aicr.js /usr/local/bin/aicr');
    expect(steps.find((s) => s.keyword === 'WORKDIR')!.args).toBe('/opt/aicr');
  });

  it('copies only paths that exist and that the .dockerignore lets through', () => {
    const ignore = readFileSync(join(REPO_ROOT, 'docker', 'Dockerfile.dockerignore'), 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    expect(copies.map((c) => c[0])).toEqual(['package.json', 'LICENSE', 'bin/', 'dist/', 'recipes/']);
    for (const [source] of copies) {
      expect(existsSync(join(REPO_ROOT, source!)), source).toBe(true);
      expect(ignore, source).toContain(source);
    }
    expect(existsSync(join(REPO_ROOT, 'dist', 'cli', 'index.js'))).toBe(true);
  });

  it('the copied file set runs the CLI and its Kubernetes client without node_modules', async () => {
    const image = mkdtempSync(join(tmpdir(), 'aicr-image-'));
    // Docker semantics: a file copied to `dir/` keeps its name; a directory's contents go into the target.
    for (const [source, target] of copies) {
      const destination = target!.endsWith('/') && !source!.endsWith('/') ? join(image, target!, basename(source!)) : join(image, target!);
      cpSync(join(REPO_ROOT, source!), destination, { recursive: true });
    }
    expect(existsSync(join(image, 'node_modules'))).toBe(false);
    const env = { PATH: process.env.PATH, HOME: cluster.dir };
    const version = await run([join(image, 'bin', 'aicr.js'), '--version'], env);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^aicr \d+\.\d+\.\d+/);
    cluster.fake.create('configmaps', { metadata: { name: 'snap', namespace: 'default' }, data: { format: 'yaml', 'snapshot.yaml': readFileSync(join(FIXTURES, 'kube', 'agent-snapshot.yaml'), 'utf8') } });
    const recipe = await run([join(image, 'bin', 'aicr.js'), 'recipe', '-s', 'cm://default/snap', '-k', cluster.kubeconfig, '-o', 'cm://default/recipe'], env);
    expect(recipe.code, recipe.stderr).toBe(0);
    expect(cluster.fake.get('configmaps', 'default', 'recipe')!.data['snapshot.yaml']).toContain('kind: RecipeResult');
  });
});
