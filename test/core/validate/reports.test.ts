// Report writers checked by real consumers: the CTRF reference implementation's schema
// validation (ctrf 0.3.0), a JUnit XML parser (junit2json 4.0.0, xml2js underneath) and the
// GitLab Code Quality format as a JSON Schema (written from GitLab's documentation) with ajv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { validate as validateCtrf } from 'ctrf';
import { parse as parseJunit } from 'junit2json';
import { describe, expect, it } from 'vitest';
import {
  evaluateRecipe,
  formatDotenv,
  formatReportTable,
  indexSnapshot,
  relativeTo,
  toCodeQuality,
  toCtrf,
  toJunitXml,
  type ValidationReport,
} from '../../../src/core/validate/index.js';
import { loadDocument } from '../../../src/core/load.js';
import { FIXTURES, REPO_ROOT, UPSTREAM_EXAMPLES } from '../../helpers/paths.js';

const fixture = (name: string) => join(FIXTURES, 'validate', name);

async function reportFor(recipe: string, snapshot: string, phases?: Array<'deployment' | 'performance' | 'conformance'>): Promise<ValidationReport> {
  const loadedRecipe = await loadDocument('RecipeResult', recipe, { option: 'recipe' });
  const loadedSnapshot = await loadDocument('Snapshot', snapshot, { option: 'snapshot' });
  return evaluateRecipe(loadedRecipe.document, loadedRecipe.source, indexSnapshot(loadedSnapshot), {
    recipeOrigin: loadedRecipe.origin,
    snapshotOrigin: loadedSnapshot.origin,
    ...(phases ? { phases } : {}),
  });
}

const lineOf = (file: string, name: string) => readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(`- name: ${name}`)) + 1;
const paths = relativeTo(REPO_ROOT);
const recipeFile = fixture('recipe-extended.yaml');
const recipePath = 'test/fixtures/validate/recipe-extended.yaml';

describe('the mixed report', async () => {
  const report = await reportFor(recipeFile, fixture('snapshot-mixed.yaml'));

  it('evaluates every constraint and derives the overall status', () => {
    expect(report.summary).toEqual({ constraints: 8, passed: 5, failed: 1, skipped: 2 });
    expect(report.status).toBe('fail');
    expect(report.constraints.map((c) => [c.name, c.status])).toEqual([
      ['K8s.server.version', 'failed'],
      ['OS.release.ID', 'passed'],
      ['OS.sysctl./proc/sys/kernel/osrelease', 'passed'],
      ['SystemD.containerd.service.ActiveState', 'passed'],
      ['SystemD[kubelet.service].SubState', 'passed'],
      ['GPU.smi.cuda-version', 'skipped'],
      ['GPU.smi.gpu-count', 'skipped'],
      ['OS.kmod.nvidia', 'passed'],
    ]);
    const failed = report.constraints[0]!;
    expect(failed).toMatchObject({ expected: '>= 1.32.4', actual: 'v1.31.0', message: 'expected >= 1.32.4, got v1.31.0', severity: 'error', remediation: 'Upgrade Kubernetes to 1.32.4 or later' });
    expect(failed.location).toMatchObject({ file: recipeFile, line: 13 });
    for (const result of report.constraints) expect(result.location.line).toBe(lineOf(recipeFile, result.name));
    expect(report.constraints[5]!.message).toBe('measurement type GPU not found in the snapshot');
    expect(report.phases).toEqual([
      { phase: 'deployment', status: 'skipped', reason: 'needs a live cluster validator', checks: ['operator-health', 'expected-resources'], constraints: [] },
      { phase: 'performance', status: 'skipped', reason: 'needs a live cluster validator', checks: [], constraints: [] },
      { phase: 'conformance', status: 'skipped', reason: 'needs a live cluster validator', checks: ['dra-support'], constraints: [] },
    ]);
  });

  it('writes a CTRF document the CTRF reference implementation accepts', () => {
    const ctrf = toCtrf(report, { paths });
    const result = validateCtrf(ctrf);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(ctrf.results.summary).toEqual({ tests: 11, passed: 5, failed: 1, skipped: 5, pending: 0, other: 0, start: 0, stop: 0 });
    expect(ctrf.timestamp).toBeUndefined();
    expect(ctrf.results.extra).toMatchObject({ status: 'fail', recipe: recipePath, snapshot: 'test/fixtures/validate/snapshot-mixed.yaml' });
    expect(ctrf.results.tests[0]).toEqual({
      name: 'K8s.server.version',
      status: 'failed',
      duration: 0,
      suite: ['readiness'],
      message: 'expected >= 1.32.4, got v1.31.0',
      filePath: recipePath,
      line: 13,
      extra: { expected: '>= 1.32.4', actual: 'v1.31.0', severity: 'error', remediation: 'Upgrade Kubernetes to 1.32.4 or later' },
    });
    expect(ctrf.results.tests[1]!.message).toBeUndefined();
    expect(ctrf.results.tests.at(-1)).toMatchObject({ name: 'conformance', status: 'skipped', suite: ['conformance'], message: 'needs a live cluster validator', extra: { checks: ['dra-support'] } });
  });

  it('stamps CTRF with a time only when asked', () => {
    const ctrf = toCtrf(report, { time: new Date('2026-03-10T20:10:44.123Z') });
    expect(ctrf.timestamp).toBe('2026-03-10T20:10:44Z');
    expect(ctrf.results.summary.start).toBe(1773173444123);
    expect(validateCtrf(ctrf).valid).toBe(true);
  });

  it('writes JUnit XML that a JUnit parser reads back with failures, skips, files and lines', async () => {
    const xml = toJunitXml(report, { paths });
    const parsed = (await parseJunit(xml)) as Record<string, any>;
    expect(parsed).toMatchObject({ name: 'aicr validate', tests: 11, failures: 1, errors: 0 });
    const suites = parsed.testsuite as Array<Record<string, any>>;
    expect(suites.map((s) => [s.name, s.tests, s.failures, s.skipped])).toEqual([
      ['readiness', 8, 1, 2],
      ['deployment', 1, 0, 1],
      ['performance', 1, 0, 1],
      ['conformance', 1, 0, 1],
    ]);
    const cases = suites[0]!.testcase as Array<Record<string, any>>;
    expect(cases).toHaveLength(8);
    const failing = cases[0]!;
    expect(failing).toMatchObject({ name: 'K8s.server.version', classname: 'readiness', file: recipePath, line: 13 });
    expect(failing.failure[0].message).toBe('expected >= 1.32.4, got v1.31.0');
    expect(failing.failure[0].inner).toContain(`${recipePath}:13: K8s.server.version`);
    expect(cases[5]!.skipped[0].message).toBe('measurement type GPU not found in the snapshot');
    expect(cases[1]!['system-out'][0]).toContain('actual: ubuntu');
    expect(suites[1]!.testcase[0].skipped[0].message).toBe('needs a live cluster validator (checks: operator-health, expected-resources)');
  });

  it('writes a GitLab Code Quality report that matches the documented format', () => {
    const issues = toCodeQuality(report, { paths });
    const schema = JSON.parse(readFileSync(fixture('gitlab-codequality.schema.json'), 'utf8'));
    const check = new Ajv({ allErrors: true }).compile(schema);
    expect(check(issues), JSON.stringify(check.errors)).toBe(true);
    expect(issues.map((i) => [i.check_name, i.severity, i.location.lines.begin])).toEqual([
      ['aicr-validate/constraint-failed', 'major', 13],
      ['aicr-validate/constraint-skipped', 'info', lineOf(recipeFile, 'GPU.smi.cuda-version')],
      ['aicr-validate/constraint-skipped', 'info', lineOf(recipeFile, 'GPU.smi.gpu-count')],
    ]);
    expect(issues[0]).toMatchObject({ description: 'K8s.server.version: expected >= 1.32.4, got v1.31.0 (Upgrade Kubernetes to 1.32.4 or later)', location: { path: recipePath } });
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    // An absolute path outside the project or a ./ prefix would be rejected by GitLab.
    expect(check(toCodeQuality(report, { paths: () => './x.yaml' }))).toBe(false);
  });

  it('is deterministic: the same inputs give byte-identical reports', async () => {
    const again = await reportFor(recipeFile, fixture('snapshot-mixed.yaml'));
    expect(JSON.stringify(toCtrf(again, { paths }))).toBe(JSON.stringify(toCtrf(report, { paths })));
    expect(toJunitXml(again, { paths })).toBe(toJunitXml(report, { paths }));
    expect(JSON.stringify(toCodeQuality(again, { paths }))).toBe(JSON.stringify(toCodeQuality(report, { paths })));
  });

  it('renders the terminal table and the dotenv lines', () => {
    const table = formatReportTable(report);
    expect(table.split('\n')[0]).toMatch(/^PHASE\s+CONSTRAINT\s+EXPECTED\s+ACTUAL\s+STATUS\s+DETAIL$/);
    expect(table).toMatch(/readiness\s+K8s\.server\.version\s+>= 1\.32\.4\s+v1\.31\.0\s+failed\s+expected >= 1\.32\.4, got v1\.31\.0/);
    expect(table).toMatch(/deployment\s+-\s+-\s+-\s+skipped\s+needs a live cluster validator \(checks: operator-health, expected-resources\)/);
    expect(table.trimEnd().split('\n').at(-1)).toBe('status: fail (8 constraints: 5 passed, 1 failed, 2 skipped)');
    expect(formatDotenv(report, 'out/ctrf.json')).toBe('AICR_VALIDATE_STATUS=fail\nAICR_VALIDATE_PASSED=5\nAICR_VALIDATE_FAILED=1\nAICR_VALIDATE_SKIPPED=2\nAICR_VALIDATE_REPORT_PATH=out/ctrf.json\n');
  });
});

describe('hostile text in reports', () => {
  it('escapes XML and keeps CTRF valid for names and values full of markup', async () => {
    const report: ValidationReport = {
      status: 'fail',
      summary: { constraints: 1, passed: 0, failed: 1, skipped: 0 },
      recipe: 'r.yaml',
      snapshot: 's.yaml',
      phases: [],
      live: [],
      liveSummary: { checks: 0, passed: 0, failed: 0, skipped: 0 },
      notes: [],
      constraints: [
        {
          name: 'OS.release.<x a="1">&amp;',
          phase: 'readiness',
          expected: "'\"<]]>",
          actual: 'a\u0001b\u0000c\ufffe',
          status: 'failed',
          message: 'expected \'"<]]>, got a\u0001b',
          location: { file: 'r.yaml', line: 3 },
        },
      ],
    };
    const parsed = (await parseJunit(toJunitXml(report))) as Record<string, any>;
    const testcase = parsed.testsuite[0].testcase[0];
    expect(testcase.name).toBe('OS.release.<x a="1">&amp;');
    expect(testcase.failure[0].message).toBe('expected \'"<]]>, got a\ufffdb');
    expect(validateCtrf(toCtrf(report)).valid).toBe(true);
  });

  it('accepts the upstream CTRF example with the same validator (sanity check of the consumer)', () => {
    const upstream = JSON.parse(readFileSync(join(UPSTREAM_EXAMPLES, 'ctrf-validate-report-example.json'), 'utf8'));
    expect(validateCtrf(upstream).valid).toBe(true);
  });
});
