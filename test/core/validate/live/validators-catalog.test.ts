import { describe, expect, it } from 'vitest';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { AicrError } from '../../../../src/core/errors.js';
import { ensureYamlParser } from '../../../../src/core/documents/index.js';
import type { RecipeResult } from '../../../../src/core/documents/types.js';
import { loadValidatorCatalog, parseGoDuration, parseValidatorCatalog, resolveImage, selectValidators } from '../../../../src/core/validate/live/validator-catalog.js';
import { formatGoDuration, planValidatorRun, validatorJob } from '../../../../src/core/validate/live/validator-job.js';
import { parseValidatorLog } from '../../../../src/core/validate/live/validator-wait.js';

/** The shape of upstream's catalog at 2026-08-21 (apiVersion, flow lists, dependencyAffinity). */
const UPSTREAM_STYLE = `apiVersion: validator.nvidia.com/v1alpha1
kind: ValidatorCatalog
metadata:
  name: aicr-validators
  version: "1.0.0"
validators:
  - name: inference-perf
    phase: performance
    description: "Verify inference throughput"
    image: ghcr.io/nvidia/aicr-validators/performance:latest
    timeout: 65m
    args: ["inference-perf"]
    env: [{ name: AICR_INFERENCE_PERF_MODEL, value: Qwen/Qwen3-8B }]
  - name: ai-service-metrics
    phase: conformance
    description: "Verify AI service metrics via Prometheus"
    image: ghcr.io/nvidia/aicr-validators/conformance:v1.2.3
    timeout: 1h30m
    args: ["ai-service-metrics"]
    resources: { cpu: 500m, memory: 512Mi }
    dependencyAffinity:
      - componentRef: kube-prometheus-stack
        podLabelSelector:
          app.kubernetes.io/name: prometheus
        requirement: preferred
`;

function recipe(validation: RecipeResult['validation'], componentRefs: RecipeResult['componentRefs'] = []): RecipeResult {
  return { kind: 'RecipeResult', apiVersion: 'aicr.nvidia.com/v1alpha1', metadata: {}, criteria: {}, componentRefs, deploymentOrder: [], ...(validation ? { validation } : {}) };
}

async function refusal(run: () => unknown): Promise<AicrError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(AicrError);
    return error as AicrError;
  }
  throw new Error('expected a refusal');
}

describe('validator catalog', () => {
  it('reads Go durations as upstream writes them', () => {
    expect(parseGoDuration('2m')).toBe(120_000);
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('1.5s')).toBe(1500);
    expect(parseGoDuration('300ms')).toBe(300);
    expect(parseGoDuration('5 minutes')).toBeUndefined();
    expect(parseGoDuration('5')).toBeUndefined();
    expect(formatGoDuration(300_000)).toBe('5m0s');
    expect(formatGoDuration(3_900_000)).toBe('1h5m0s');
    expect(formatGoDuration(1500)).toBe('1.5s');
    expect(formatGoDuration(250)).toBe('250ms');
  });

  it('pins :latest images to the upstream release we track and keeps explicit tags', () => {
    expect(resolveImage('ghcr.io/nvidia/aicr-validators/deployment:latest')).toBe('ghcr.io/nvidia/aicr-validators/deployment:v0.11.1');
    expect(resolveImage('ghcr.io/nvidia/aicr-validators/deployment:v1.2.3')).toBe('ghcr.io/nvidia/aicr-validators/deployment:v1.2.3');
  });

  it('loads the embedded catalog, and every check our recipes declare is in it', async () => {
    const entries = await loadValidatorCatalog();
    expect(entries.filter((e) => e.phase === 'performance').map((e) => e.name)).toContain('nccl-all-reduce-bw');
    expect(entries.find((e) => e.name === 'gang-scheduling')).toMatchObject({ phase: 'conformance', timeoutMs: 600_000, args: ['gang-scheduling'], needsGpu: false });
    expect(entries.find((e) => e.name === 'nccl-all-reduce-bw')).toMatchObject({ timeoutMs: 1_800_000, needsGpu: true });
  });

  it('parses upstream\'s newer catalog shape, with resources and dependency affinity in the Job', async () => {
    await ensureYamlParser();
    const entries = parseValidatorCatalog(UPSTREAM_STYLE);
    expect(entries.map((e) => [e.name, e.timeoutMs, e.image])).toEqual([
      ['inference-perf', 3_900_000, 'ghcr.io/nvidia/aicr-validators/performance:v0.11.1'],
      ['ai-service-metrics', 5_400_000, 'ghcr.io/nvidia/aicr-validators/conformance:v1.2.3'],
    ]);
    const withPrometheus = recipe({ conformance: { checks: ['ai-service-metrics'] } }, [{ name: 'kube-prometheus-stack', namespace: 'monitoring' }]);
    const [metrics] = selectValidators(entries, 'conformance', withPrometheus);
    const settings = { namespace: 'aicr-validation', imagePullSecrets: [], nodeSelector: {}, tolerations: [], timeoutMs: 0, noCleanup: false, requireGpu: false };
    const job = validatorJob(planValidatorRun('conformance', 'aicr-validation', 'x1'), metrics!, withPrometheus, settings);
    expect(() => new Job(job as never).validate()).not.toThrow();
    expect(job.spec.activeDeadlineSeconds).toBe(5400);
    expect(job.spec.template.spec.containers[0].resources).toEqual({ requests: { cpu: '500m', memory: '512Mi' }, limits: { cpu: '500m', memory: '512Mi' } });
    expect(job.spec.template.spec.affinity.podAffinity).toEqual({
      preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } }, namespaces: ['monitoring'], topologyKey: 'kubernetes.io/hostname' } }],
    });
    const perf = selectValidators(entries, 'performance', recipe({ performance: { checks: ['inference-perf'] } }))[0]!;
    const env = validatorJob(planValidatorRun('performance', 'aicr-validation', 'x1'), perf, recipe({}), settings).spec.template.spec.containers[0].env;
    expect(env).toContainEqual({ name: 'AICR_INFERENCE_PERF_MODEL', value: 'Qwen/Qwen3-8B' });
    expect(env).toContainEqual({ name: 'AICR_CHECK_TIMEOUT', value: '1h5m0s' });
  });

  it('refuses a broken catalog entry with the file and the entry named', async () => {
    await ensureYamlParser();
    const broken = (entry: string) => `apiVersion: validator.nvidia.com/v1alpha1\nkind: ValidatorCatalog\nvalidators:\n${entry}`;
    expect((await refusal(() => parseValidatorCatalog(broken('  - { name: x, phase: nightly, image: a:b }\n')))).message).toContain('validator "x": invalid phase "nightly"');
    expect((await refusal(() => parseValidatorCatalog(broken('  - { name: x, phase: conformance, image: a:b, timeout: soon }\n')))).message).toContain('timeout "soon" is not a duration');
    expect((await refusal(() => parseValidatorCatalog(broken('  - { name: Bad_Name, phase: conformance, image: a:b }\n')))).message).toContain('"Bad_Name" is not a lower-case DNS label');
    expect((await refusal(() => parseValidatorCatalog(broken('  - { name: x, phase: conformance, image: a:b }\n  - { name: x, phase: conformance, image: a:b }\n')))).message).toContain('duplicate validator name "x"');
    expect((await refusal(() => parseValidatorCatalog('apiVersion: v9\nkind: Other\n'))).message).toContain('unsupported validator catalog v9/Other');
  });

  it('fails a required dependency the recipe lacks before any Job', async () => {
    await ensureYamlParser();
    const entries = parseValidatorCatalog(UPSTREAM_STYLE.replace('requirement: preferred', 'requirement: required'));
    const without = recipe({ conformance: { checks: ['ai-service-metrics'] } });
    const [metrics] = selectValidators(entries, 'conformance', without);
    const settings = { namespace: 'n', imagePullSecrets: [], nodeSelector: {}, tolerations: [], timeoutMs: 0, noCleanup: false, requireGpu: false };
    const error = await refusal(() => validatorJob(planValidatorRun('conformance', 'n', 'x1'), metrics!, without, settings));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('required dependencyAffinity component "kube-prometheus-stack" is not in the recipe\'s componentRefs');
  });
});

describe('validator output', () => {
  it('keeps the last valid extra payload, strips sentinels and finds RESULT lines', () => {
    const output = parseValidatorLog('a\n##AICR-EXTRA## {"skipReason":"no-gpu-nodes"}\nRESULT: 412.5 GB/s\n##AICR-EXTRA## not json\n');
    expect(output).toEqual({ lines: ['a', 'RESULT: 412.5 GB/s'], extra: { skipReason: 'no-gpu-nodes' }, summaries: ['412.5 GB/s'] });
    expect(parseValidatorLog('')).toEqual({ lines: [], summaries: [] });
  });
});
