import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { validate as validateCtrf } from 'ctrf';
import { parse as parseJunit } from 'junit2json';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../helpers/gitlab.js';
import { FIXTURES, UPSTREAM_EXAMPLES, upstreamMockSnapshot } from '../helpers/paths.js';

const fixture = (name: string) => readFileSync(join(FIXTURES, 'validate', name), 'utf8');
const files = {
  'recipe.yaml': fixture('recipe-extended.yaml'),
  'mixed.yaml': fixture('snapshot-mixed.yaml'),
  'pass.yaml': fixture('snapshot-eks-h100-pass.yaml'),
  'upstream-recipe.yaml': readFileSync(join(UPSTREAM_EXAMPLES, 'recipe-eks-gb200-ubuntu-training-with-validation.yaml'), 'utf8'),
  'mock-snapshot.yaml': readFileSync(upstreamMockSnapshot(), 'utf8'),
};
const codeQualitySchema = JSON.parse(fixture('gitlab-codequality.schema.json'));

const include = (inputs: Record<string, unknown>) => `
stages: [test, check]
include:
  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/validate@$CI_COMMIT_SHA
    inputs: ${JSON.stringify(inputs)}
`;

describe('gitlab component: validate', () => {
  it('passes, keeps the reports and exports status and counts as dotenv variables', () => {
    const run = runPipeline(`${include({ recipe: 'recipe.yaml', snapshot: 'pass.yaml', 'job-name': 'validate-pass' })}
check:
  stage: check
  needs: [validate-pass]
  script:
    - test "$AICR_VALIDATE_STATUS" = pass
    - test "$AICR_VALIDATE_PASSED" = 8
    - test "$AICR_VALIDATE_FAILED" = 0
    - test "$AICR_VALIDATE_REPORT_PATH" = aicr-validate-report/ctrf-report.json
    - cp aicr-validate-report/ctrf-report.json seen.json
`, files);
    expect(run.exitCode, run.output).toBe(0);
    const ctrf = JSON.parse(run.jobFile('check', 'seen.json')!);
    expect(validateCtrf(ctrf).valid).toBe(true);
    expect(ctrf.results.extra.status).toBe('pass');
  });

  it('reports failures without failing the job when fail-on-error is false: JUnit and Code Quality at the recipe lines', async () => {
    const run = runPipeline(`${include({ recipe: 'recipe.yaml', snapshot: 'mixed.yaml', 'fail-on-error': false, 'report-dir': 'reports/aicr', phase: 'deployment,conformance' })}
check:
  stage: check
  needs: [aicr-validate]
  script:
    - test "$AICR_VALIDATE_STATUS" = fail
    - test "$AICR_VALIDATE_SKIPPED" = 2
`, files);
    expect(run.exitCode, run.output).toBe(0);
    const junit = (await parseJunit(run.jobFile('aicr-validate', 'reports/aicr/junit.xml')!)) as Record<string, any>;
    expect(junit).toMatchObject({ tests: 10, failures: 1 });
    expect(junit.testsuite.map((s: { name: string }) => s.name)).toEqual(['readiness', 'deployment', 'conformance']);
    expect(junit.testsuite[0].testcase[0]).toMatchObject({ name: 'K8s.server.version', file: 'recipe.yaml', line: 13 });
    const issues = JSON.parse(run.jobFile('aicr-validate', 'reports/aicr/gl-code-quality-report.json')!);
    const check = new Ajv().compile(codeQualitySchema);
    expect(check(issues), JSON.stringify(check.errors)).toBe(true);
    expect(issues[0]).toMatchObject({ severity: 'major', location: { path: 'recipe.yaml', lines: { begin: 13 } } });
  });

  it('fails the job with exit code 10 and still keeps the reports', () => {
    const run = runPipeline(include({ recipe: 'recipe.yaml', snapshot: 'mixed.yaml' }), files);
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain('validate: fail (5 passed, 1 failed, 2 skipped of 8 constraints');
    expect(run.output).toMatch(/exit (code )?10/);
    const ctrf = JSON.parse(run.jobFile('aicr-validate', 'aicr-validate-report/ctrf-report.json')!);
    expect(ctrf.results.summary.failed).toBe(1);
  });

  it('validates the upstream example recipe against the upstream mock snapshot', () => {
    const run = runPipeline(include({ recipe: 'upstream-recipe.yaml', snapshot: 'mock-snapshot.yaml', phase: 'readiness' }), files);
    expect(run.exitCode, run.output).toBe(0);
    const issues = JSON.parse(run.jobFile('aicr-validate', 'aicr-validate-report/gl-code-quality-report.json')!);
    expect(issues).toEqual([expect.objectContaining({ severity: 'info', location: { path: 'upstream-recipe.yaml', lines: { begin: 49 } } })]);
  });

  it('rejects inputs outside their options before any job runs', () => {
    const run = runPipeline(include({ recipe: 'recipe.yaml', snapshot: 'pass.yaml', phase: 'smoke' }), files);
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain('phase');
    // recipe defaults to the recipe job's artifact: without that job or the file, the input is named.
    const missing = runPipeline(include({ snapshot: 'pass.yaml' }), { 'pass.yaml': files['pass.yaml'] });
    expect(missing.exitCode).not.toBe(0);
    expect(missing.output).toMatch(/recipe.*recipe\.yaml/);
  });

  it('passes hostile values as data, never as shell', () => {
    const run = runPipeline(include({ recipe: '$(touch${IFS}pwned)";touch${IFS}pwned2;echo"', snapshot: 'pass.yaml' }), files);
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain('file not found');
    expect(run.jobFile('aicr-validate', 'pwned')).toBeUndefined();
    expect(run.jobFile('aicr-validate', 'pwned2')).toBeUndefined();
  });
});
