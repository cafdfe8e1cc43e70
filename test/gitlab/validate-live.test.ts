/**
 * The GitLab validate component with a kubeconfig: the job runs the live phases against the
 * fake API server (served from this process while gitlab-ci-local runs), exports the counts
 * with the live checks, keeps JUnit and Code Quality with every check, and fails with exit 4
 * when RBAC refuses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseJunit } from 'junit2json';
import { stringify as stringifyYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { useFakeCluster } from '../fake-kube/harness.js';
import { runPipelineAsync } from '../helpers/gitlab.js';
import { FIXTURES } from '../helpers/paths.js';
import { COMPONENTS, installComponents, liveRecipe } from '../core/validate/live/clusters.js';

const cluster = useFakeCluster();
const files = () => ({
  'recipe.yaml': stringifyYaml(liveRecipe()),
  'pass.yaml': readFileSync(join(FIXTURES, 'validate', 'snapshot-eks-h100-pass.yaml'), 'utf8'),
});
const codeQualitySchema = JSON.parse(readFileSync(join(FIXTURES, 'validate', 'gitlab-codequality.schema.json'), 'utf8'));
const include = (inputs: Record<string, unknown>) => `
stages: [test, check]
include:
  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/validate@$CI_COMMIT_SHA
    inputs: ${JSON.stringify(inputs)}
`;

describe('gitlab component: validate against a cluster', () => {
  it('reports a failed health check in JUnit and Code Quality and exports the counts', async () => {
    installComponents(cluster.fake, { 'kai-scheduler': 'pod-pending' });
    const run = await runPipelineAsync(`${include({ recipe: 'recipe.yaml', snapshot: 'pass.yaml', kubeconfig: cluster.kubeconfig, timeout: '3s', phase: 'deployment', 'fail-on-error': false })}
check:
  stage: check
  needs: [aicr-validate]
  script:
    - test "$AICR_VALIDATE_STATUS" = fail
    - test "$AICR_VALIDATE_FAILED" = 1
    - test "$AICR_VALIDATE_PASSED" = ${COMPONENTS.length - 1 + 3}
`, files());
    expect(run.exitCode, run.output).toBe(0);
    const junit = (await parseJunit(run.jobFile('aicr-validate', 'aicr-validate-report/junit.xml')!)) as Record<string, any>;
    const deployment = junit.testsuite.find((s: { name: string }) => s.name === 'deployment');
    const failed = deployment.testcase.find((c: { name: string }) => c.name === 'health-check/kai-scheduler');
    expect(failed.failure[0].message).toContain('Pod kai-scheduler/kai-scheduler-stuck matches a forbidden shape (phase=Pending, waiting=ImagePullBackOff)');
    expect(failed).toMatchObject({ file: 'recipe.yaml', line: expect.any(Number) });
    const issues = JSON.parse(run.jobFile('aicr-validate', 'aicr-validate-report/gl-code-quality-report.json')!);
    const check = new Ajv().compile(codeQualitySchema);
    expect(check(issues), JSON.stringify(check.errors)).toBe(true);
    expect(issues.find((i: { check_name: string }) => i.check_name === 'aicr-validate/check-failed')).toMatchObject({ severity: 'major', location: { path: 'recipe.yaml' } });
  });

  it('fails the job with exit code 4 naming the verb and resource when RBAC refuses', async () => {
    installComponents(cluster.fake);
    cluster.fake.users.set('reader-token', { name: 'reader', rules: [{ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods', 'namespaces'] }] });
    const run = await runPipelineAsync(include({ recipe: 'recipe.yaml', snapshot: 'pass.yaml', kubeconfig: cluster.kubeconfigFor('reader-token'), timeout: '10s', phase: 'deployment' }), files());
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toMatch(/RBAC denied "list" on customresourcedefinitions\.apiextensions\.k8s\.io at cluster scope for reader/);
    expect(run.output).toMatch(/exit (code )?4/);
  });
});
