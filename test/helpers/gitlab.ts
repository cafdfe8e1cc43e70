/**
 * Runs a pipeline that includes our GitLab components with the real gitlab-ci-local (shell
 * executor, each job isolated in its own build directory, artifacts passed between jobs).
 * The `aicr` command in jobs is a shim that runs this checkout's CLI bundle.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './paths.js';

export interface PipelineRun {
  exitCode: number;
  output: string;
  repo: string;
  /** A file a job left in its build directory. */
  jobFile(job: string, path: string): string | undefined;
}

interface PreparedPipeline {
  repo: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** The repository with the templates, the CI file and `files`, and the gitlab-ci-local command line. */
function preparePipeline(ciYaml: string, files: Record<string, string>, extraArgs: string[]): PreparedPipeline {
  const root = mkdtempSync(join(tmpdir(), 'aicr-gitlab-'));
  const repo = join(root, 'repo');
  const bin = join(root, 'bin');
  mkdirSync(bin, { recursive: true });
  cpSync(join(REPO_ROOT, 'gitlab', 'templates'), join(repo, 'templates'), { recursive: true });
  writeFileSync(join(repo, '.gitlab-ci.yml'), ciYaml);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), content);
  }
  const shim = join(bin, 'aicr');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${join(REPO_ROOT, 'bin', 'aicr.js')}" "$@"\n`);
  chmodSync(shim, 0o755);
  const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'fixture');
  git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
  return {
    repo,
    args: [join(REPO_ROOT, 'node_modules', 'gitlab-ci-local', 'dist', 'index.js'), '--shell-isolation', '--no-artifacts-to-source', '--force-shell-executor', ...extraArgs],
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
  };
}

function pipelineRun(repo: string, exitCode: number, output: string): PipelineRun {
  return {
    exitCode,
    output,
    repo,
    jobFile(job, path) {
      const file = join(repo, '.gitlab-ci-local', 'builds', job, path);
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    },
  };
}

export function runPipeline(ciYaml: string, files: Record<string, string> = {}, extraArgs: string[] = []): PipelineRun {
  const { repo, args, env } = preparePipeline(ciYaml, files, extraArgs);
  const result = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', env, timeout: 120_000 });
  return pipelineRun(repo, result.status ?? -1, `${result.stdout}${result.stderr}`);
}

/**
 * {@link runPipeline} without blocking this process: for pipelines whose jobs talk to a server
 * the test runs in-process (the fake Kubernetes API server).
 */
export function runPipelineAsync(ciYaml: string, files: Record<string, string> = {}, extraArgs: string[] = []): Promise<PipelineRun> {
  const { repo, args, env } = preparePipeline(ciYaml, files, extraArgs);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve(pipelineRun(repo, code ?? -1, Buffer.concat(chunks).toString('utf8'))));
  });
}
