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
  args: string[];
  repo: string;
  env: NodeJS.ProcessEnv;
  finish(status: number | null, stdout: string, stderr: string): PipelineRun;
}

function preparePipeline(ciYaml: string, files: Record<string, string>, extraArgs: string[], env: NodeJS.ProcessEnv): PreparedPipeline {
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
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'fixture');
  git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
  return {
    repo,
    args: [join(REPO_ROOT, 'node_modules', 'gitlab-ci-local', 'dist', 'index.js'), '--shell-isolation', '--no-artifacts-to-source', '--force-shell-executor', ...extraArgs],
    env: { ...process.env, ...env, PATH: `${bin}:${env.PATH ?? process.env.PATH}`, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
    finish(status, stdout, stderr) {
      return {
        exitCode: status ?? -1,
        output: `${stdout}${stderr}`,
        repo,
        jobFile(job, path) {
          const file = join(repo, '.gitlab-ci-local', 'builds', job, path);
          return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
        },
      };
    },
  };
}

export function runPipeline(ciYaml: string, files: Record<string, string> = {}, extraArgs: string[] = []): PipelineRun {
  const prepared = preparePipeline(ciYaml, files, extraArgs, {});
  const result = spawnSync(process.execPath, prepared.args, { cwd: prepared.repo, encoding: 'utf8', env: prepared.env, timeout: 120_000 });
  return prepared.finish(result.status, result.stdout, result.stderr);
}

/**
 * The same, without blocking this process: for pipelines whose jobs talk to a server the test
 * runs here (the fake Kubernetes API server). `env` reaches every job (shell executor).
 */
export function runPipelineAsync(ciYaml: string, files: Record<string, string> = {}, extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<PipelineRun> {
  const prepared = preparePipeline(ciYaml, files, extraArgs, env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, prepared.args, { cwd: prepared.repo, env: prepared.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve(prepared.finish(status, stdout, stderr));
    });
  });
}
