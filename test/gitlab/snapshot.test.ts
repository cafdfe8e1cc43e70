import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../helpers/gitlab.js';
import { FIXTURES, REPO_ROOT, UPSTREAM_EXAMPLES } from '../helpers/paths.js';
import { fakeToolsEnv } from '../core/snapshot/fake-tools.js';

const include = (inputs: Record<string, unknown>) => `
stages: [build, check]
include:
  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/snapshot@$CI_COMMIT_SHA
    inputs: ${JSON.stringify(inputs)}
`;

/**
 * Runs the pipeline on a "GPU runner": nvidia-smi and systemctl answer from fixtures through PATH,
 * which gitlab-ci-local's shell executor hands to every job.
 */
function onGpuRunner<T>(work: () => T): T {
  const { bin } = fakeToolsEnv({
    'nvidia-smi': { expectArgs: '-q -x', stdoutFile: join(UPSTREAM_EXAMPLES, 'nvidia-smi-q-x-h100x8.xml') },
    systemctl: { stdoutFile: join(FIXTURES, 'snapshot', 'systemctl-show.txt') },
  });
  const saved = { PATH: process.env.PATH, HOME: process.env.HOME, KUBECONFIG: process.env.KUBECONFIG };
  process.env.PATH = `${bin}:${process.env.PATH}`;
  process.env.HOME = mkdtempSync(join(tmpdir(), 'aicr-home-'));
  delete process.env.KUBECONFIG;
  try {
    return work();
  } finally {
    Object.assign(process.env, saved);
  }
}

describe('gitlab component: snapshot', () => {
  it('measures the runner, keeps the snapshot as an artifact and exports its path as a dotenv variable', () => {
    const run = onGpuRunner(() => runPipeline(`${include({ require: 'gpu,os', format: 'json', output: 'out/snapshot.json' })}
check:
  stage: check
  needs: [aicr-snapshot]
  script:
    - test "$AICR_SNAPSHOT_PATH" = out/snapshot.json
    - cp out/snapshot.json seen.json
`));
    expect(run.exitCode, run.output).toBe(0);
    const snapshot = JSON.parse(run.jobFile('check', 'seen.json')!);
    expect(snapshot.measurements.find((m: { type: string }) => m.type === 'GPU').subtypes[0].data['gpu-count']).toBe(8);
    expect(run.output).toContain('K8s: unavailable: no Kubernetes access');
  });

  it('fails the job with exit code 3 when a required source is absent', () => {
    const run = onGpuRunner(() => runPipeline(include({ require: 'k8s' })));
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain('required source unavailable: k8s');
  });

  it('reports drift against a baseline, exports AICR_SNAPSHOT_DRIFT and fails on drift when asked', () => {
    const golden = `kind: Snapshot
apiVersion: aicr.run/v1
measurements:
  - type: GPU
    subtypes:
      - subtype: smi
        data:
          driver: "565.57.01"
          gpu-count: 8
`;
    const report = onGpuRunner(() => runPipeline(`${include({ baseline: 'golden.yaml', 'diff-types': 'GPU' })}
check:
  stage: check
  needs: [aicr-snapshot]
  script:
    - test "$AICR_SNAPSHOT_DRIFT" = true
    - cp snapshot-diff.json seen.json
`, { 'golden.yaml': golden }));
    expect(report.exitCode, report.output).toBe(0);
    expect(report.output).toMatch(/snapshot diff: \d+ added, 0 removed, 1 modified/);
    expect(report.output).toContain('warning: snapshot drift (added): GPU.gpu-0.brand: added: NVIDIA');
    const diff = JSON.parse(report.jobFile('check', 'seen.json')!);
    expect(diff.changes.find((c: { path: string }) => c.path === 'GPU.smi.driver')).toMatchObject({ baseline: '565.57.01', target: '570.86.15' });
    expect(diff.changes.every((c: { type: string }) => c.type === 'GPU')).toBe(true);

    const strict = onGpuRunner(() => runPipeline(include({ baseline: 'golden.yaml', 'fail-on-drift': true }), { 'golden.yaml': golden }));
    expect(strict.exitCode).not.toBe(0);
    expect(strict.output).toContain('error: aicr snapshot: drift detected');
  });

  it('rejects inputs outside their options or pattern before any job runs', () => {
    for (const inputs of [{ require: 'gpu,tpu' }, { format: 'xml' }, { timeout: '5' }, { output: 'a b.yaml' }, { namespace: 'Bad_NS' }]) {
      const run = runPipeline(include(inputs));
      expect(run.exitCode, JSON.stringify(inputs)).not.toBe(0);
      expect(run.output).toContain(Object.keys(inputs)[0]);
    }
  });

  it('passes hostile values as data, never as shell', () => {
    const run = onGpuRunner(() => runPipeline(include({ kubeconfig: '$(touch pwned)"; touch pwned2; echo "', 'node-selector': 'role=`touch pwned3`' })));
    expect(run.jobFile('aicr-snapshot', 'pwned')).toBeUndefined();
    expect(run.jobFile('aicr-snapshot', 'pwned2')).toBeUndefined();
    expect(run.jobFile('aicr-snapshot', 'pwned3')).toBeUndefined();
    // the values arrived as data: aicr saw the node selector as an input value
    expect(run.output).toContain('input "node-selector" only applies to the agent Job; collecting on this machine');
  });

  it('keeps variable references in inputs literal (no expansion of $CI_* values)', () => {
    const run = onGpuRunner(() => runPipeline(include({ baseline: '$CI_JOB_NAME' })));
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain('file not found: $CI_JOB_NAME');
  });

  it('has a script that shellcheck accepts', () => {
    const template = readFileSync(join(REPO_ROOT, 'gitlab', 'templates', 'snapshot.yml'), 'utf8');
    const job = Object.values(parse(template.split('\n---\n')[1]!) as Record<string, { script: string[]; variables: Record<string, string> }>)[0]!;
    const dir = mkdtempSync(join(tmpdir(), 'aicr-shellcheck-'));
    const script = ['#!/bin/sh', 'set -e', ...Object.keys(job.variables).map((name) => `${name}="\${${name}:-}"`), ...job.script].join('\n') + '\n';
    writeFileSync(join(dir, 'script.sh'), script);
    const result = spawnSync('shellcheck', ['-s', 'sh', join(dir, 'script.sh')], { encoding: 'utf8' });
    expect(result.status, result.stdout).toBe(0);
  });
});
