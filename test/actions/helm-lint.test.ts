// The bundle action's helm-lint with the real helm (scripts/fetch-tools.mjs), against a chart
// repository served on 127.0.0.1 by the test; and its bounds with a stand-in helm.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as core from '@actions/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/actions/bundle/main.js';
import { runWithInputs } from '../helpers/action.js';
import { tempDir } from '../helpers/catalog.js';
import { serveChartRepository, type ChartRepository } from '../helpers/chart-repo.js';
import { FIXTURE_DATA, helmBinary } from '../core/bundle/support.js';
import { helmLint } from '../../src/github/helm-lint.js';
import type { BundleOutcome } from '../../src/core/bundle/index.js';
import { AicrError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/logger.js';
import { renderOptionRefs } from '../../src/core/option-refs.js';
import { pidsIn, stillRunning } from '../helpers/processes.js';

const helm = helmBinary();
if (!helm.path) console.warn(`SKIPPED helm-lint tests: ${helm.reason}`);

beforeEach(() => {
  (core.summary as unknown as { _filePath?: string })._filePath = undefined;
  core.summary.emptyBuffer();
});

describe.skipIf(!helm.path)('actions/bundle helm-lint', () => {
  let server: ChartRepository;
  let repoUrl = '';

  beforeAll(async () => {
    // A chart that refuses to render without .Values.message, packaged and indexed by helm itself.
    const chart = join(tempDir('aicr-chart-'), 'tiny');
    mkdirSync(join(chart, 'templates'), { recursive: true });
    writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: tiny\nversion: 0.1.0\n');
    writeFileSync(join(chart, 'templates', 'configmap.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  message: {{ required "message is required" .Values.message | quote }}\n');
    server = await serveChartRepository(helm.path!, [chart]);
    repoUrl = server.url;
  });

  afterAll(() => server.close());

  const recipe = (): string => {
    const path = join(tempDir('aicr-recipe-'), 'recipe.yaml');
    writeFileSync(path, `kind: RecipeResult\napiVersion: aicr.nvidia.com/v1alpha1\nmetadata:\n  version: v0.1.0\ncomponentRefs:\n  - name: cert-manager\n    namespace: demo\n    chart: tiny\n    type: Helm\n    source: ${repoUrl}\n    version: 0.1.0\ndeploymentOrder:\n  - cert-manager\n`);
    return path;
  };
  const env = () => ({ PATH: `${dirname(helm.path!)}:${process.env.PATH}`, HOME: tempDir('aicr-home-') });

  it('renders every chart from its repository with the bundle\'s values and passes', async () => {
    const result = await runWithInputs(run, { recipe: recipe(), data: FIXTURE_DATA, set: 'certmanager:message=hello', 'helm-lint': 'true', summary: 'false' }, { env: env() });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.stdout).toContain(`helm template cert-manager (${repoUrl}): ok`);
  });

  it('annotates a chart helm refuses and fails the step (exit 2), the bundle left in place', async () => {
    const result = await runWithInputs(run, { recipe: recipe(), data: FIXTURE_DATA, 'helm-lint': 'true', summary: 'false' }, { env: env() });
    expect(result.exitCode).toBe(2);
    const annotation = result.commands.find((c) => c.command === 'error' && c.properties.title === 'helm-lint');
    expect(annotation?.properties.file).toBe('bundle/001-cert-manager/values.yaml');
    expect(annotation?.message).toContain('message is required');
    expect(result.commands.at(-1)?.message).toContain('input "helm-lint": 1 of 1 checks failed');
    expect(readFileSync(join(result.cwd, 'bundle', 'checksums.txt'), 'utf8')).toContain('001-cert-manager/values.yaml');
  });

  it('says how to get helm when the runner has none (exit 3)', async () => {
    const result = await runWithInputs(run, { recipe: recipe(), data: FIXTURE_DATA, 'helm-lint': 'true', summary: 'false' }, { env: { PATH: tempDir('aicr-empty-path-') } });
    expect(result.exitCode).toBe(3);
    expect(result.commands.at(-1)?.message).toContain('input "helm-lint" needs helm on the runner');
    expect(result.commands.at(-1)?.message).toContain('azure/setup-helm');
  });
});

describe('helm-lint bounds (a stand-in helm)', () => {
  /** A folder with an executable `helm` running `body`, and a bundle that is one chart. */
  function setup(body: string): { env: NodeJS.ProcessEnv; pids: string; outcome: BundleOutcome } {
    const bin = tempDir('aicr-fake-helm-');
    const pids = join(bin, 'pids');
    writeFileSync(join(bin, 'helm'), `#!/bin/sh\nPATH=/usr/bin:/bin\n[ "$1" = version ] && { echo v3.0.0; exit 0; }\nPIDS=${pids}\necho $$ >> $PIDS\n${body}\n`);
    chmodSync(join(bin, 'helm'), 0o755);
    const dir = tempDir('aicr-chart-bundle-');
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: bundle\nversion: 0.1.0\n');
    return { env: { PATH: `${bin}:/usr/bin:/bin` }, pids, outcome: { dir, plan: { folders: [] } } as unknown as BundleOutcome };
  }
  const logger = { ...silentLogger, error: () => {} };

  it('ends a helm that hangs, and what it started, at the time limit (exit 5)', async () => {
    const { env, pids, outcome } = setup('sleep 30 &\necho $! >> $PIDS\nwait');
    const saved = process.env.PATH;
    process.env.PATH = env.PATH;
    try {
      const started = Date.now();
      const error = await helmLint(outcome, { logger, workspace: outcome.dir }, { checkTimeoutMs: 300 }).catch((e: unknown) => e as AicrError);
      expect(error).toBeInstanceOf(AicrError);
      expect([(error as AicrError).exitCode, renderOptionRefs((error as AicrError).message)]).toEqual([5, expect.stringContaining('--helm-lint: 2 of 2 checks did not finish in time')]);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await stillRunning(pidsIn(pids))).toEqual([]);
    } finally {
      process.env.PATH = saved;
    }
  });

  it('does not wait on a background child that keeps helm\'s output open', async () => {
    const { env, pids, outcome } = setup('sleep 30 &\necho $! >> $PIDS\necho rendered');
    const saved = process.env.PATH;
    process.env.PATH = env.PATH;
    try {
      const started = Date.now();
      expect(await helmLint(outcome, { logger, workspace: outcome.dir }, { checkTimeoutMs: 20_000 })).toBe(2);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await stillRunning(pidsIn(pids))).toEqual([]);
    } finally {
      process.env.PATH = saved;
    }
  });
});
