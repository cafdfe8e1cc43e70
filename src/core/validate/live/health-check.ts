/**
 * Reading a component health check: a stream of chainsaw `Test` documents whose steps `try`
 * `assert` (an object like this must exist) and `error` (no object like this may exist)
 * operations. Only those two are evaluated: the deployment phase is read-only, so anything that
 * would change the cluster or run a command (apply, delete, script, command, …) is refused with
 * a message, never skipped silently.
 */
import { durationMs } from '../../options/values.js';
import { loadYaml, parseYamlDocuments } from '../../documents/yaml-source.js';
import { checkAssertionShape, UnsupportedAssertion } from './assert.js';

/** Largest health-check text read (the shipped ones are a few KiB). */
const MAX_CHECK_BYTES = 512 * 1024;
/** Most operations in one health check. */
const MAX_OPERATIONS = 500;
const NO_OP_ANNOTATION = 'aicr/no-op-check';

export interface HealthOperation {
  /** assert: a matching object must exist; error: no matching object may exist. */
  kind: 'assert' | 'error';
  /** The expected shape (apiVersion, kind, metadata and the fields to match). */
  resource: Record<string, unknown>;
  apiVersion: string;
  objectKind: string;
  namespace?: string;
  name?: string;
  labels: Record<string, string>;
  /** The operation's own `timeout`, if set. */
  timeoutMs?: number;
}

export interface HealthStep {
  name: string;
  operations: HealthOperation[];
  /** The step's `timeouts.assert` / `timeouts.error`, falling back to the Test's. */
  timeouts: { assert?: number; error?: number };
}

export interface HealthCheck {
  /** The Test's metadata.name (e.g. `gpu-operator-health-check`). */
  name: string;
  steps: HealthStep[];
  /** Annotated `aicr/no-op-check: "true"` with no operations: passes by declaration. */
  declaredNoOp: boolean;
}

type Dict = Record<string, unknown>;
const isDict = (value: unknown): value is Dict => !!value && typeof value === 'object' && !Array.isArray(value);

function duration(value: unknown, where: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = typeof value === 'string' ? durationMs(value) : 'not a duration';
  if (typeof parsed === 'string') throw new UnsupportedAssertion(`${where}: ${JSON.stringify(value)} is ${parsed} (write e.g. 30s or 5m)`);
  return parsed;
}

function timeouts(value: unknown, where: string, inherited: HealthStep['timeouts'] = {}): HealthStep['timeouts'] {
  if (!isDict(value)) return { ...inherited };
  const assert = duration(value.assert, `${where}.assert`) ?? inherited.assert;
  const error = duration(value.error, `${where}.error`) ?? inherited.error;
  return { ...(assert !== undefined ? { assert } : {}), ...(error !== undefined ? { error } : {}) };
}

function operation(raw: unknown, where: string): HealthOperation {
  if (!isDict(raw)) throw new UnsupportedAssertion(`${where}: an operation must be a mapping`);
  const kinds = Object.keys(raw).filter((key) => key !== 'description' && key !== 'continueOnError');
  const kind = kinds.length === 1 ? kinds[0]! : undefined;
  if (kind !== 'assert' && kind !== 'error') {
    const named = kinds.join(', ') || 'nothing';
    throw new UnsupportedAssertion(`${where}: only assert and error operations are evaluated (the deployment phase is read-only), not ${named}`);
  }
  const body = raw[kind];
  if (!isDict(body)) throw new UnsupportedAssertion(`${where}.${kind}: must be a mapping with a resource`);
  if (body.file !== undefined) throw new UnsupportedAssertion(`${where}.${kind}.file: assertions from files are not supported; inline the resource`);
  const resource = body.resource;
  if (!isDict(resource)) throw new UnsupportedAssertion(`${where}.${kind}.resource: required, a mapping with apiVersion and kind`);
  const { apiVersion, kind: objectKind } = resource;
  if (typeof apiVersion !== 'string' || apiVersion === '' || typeof objectKind !== 'string' || objectKind === '') {
    throw new UnsupportedAssertion(`${where}.${kind}.resource: apiVersion and kind are required`);
  }
  const metadata = isDict(resource.metadata) ? resource.metadata : {};
  const labels: Record<string, string> = {};
  if (isDict(metadata.labels)) for (const [key, value] of Object.entries(metadata.labels)) if (typeof value === 'string') labels[key] = value;
  checkAssertionShape(resource, `${where}.${kind}.resource`);
  const timeoutMs = duration(body.timeout, `${where}.${kind}.timeout`);
  return {
    kind,
    resource,
    apiVersion,
    objectKind,
    ...(typeof metadata.namespace === 'string' && metadata.namespace ? { namespace: metadata.namespace } : {}),
    ...(typeof metadata.name === 'string' && metadata.name ? { name: metadata.name } : {}),
    labels,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  };
}

/**
 * Parses a health check's text. Throws UnsupportedAssertion naming the place for anything that
 * is not a chainsaw Test of assert/error operations.
 */
export async function parseHealthCheck(text: string, origin: string): Promise<HealthCheck> {
  if (Buffer.byteLength(text, 'utf8') > MAX_CHECK_BYTES) throw new UnsupportedAssertion(`${origin}: larger than ${MAX_CHECK_BYTES / 1024} KiB`);
  await loadYaml();
  const documents = parseYamlDocuments(text, origin, { version: '1.2', uniqueKeys: true, prettyErrors: false });
  const tests: Dict[] = [];
  for (const [index, document] of documents.entries()) {
    const problem = document.errors[0];
    if (problem) throw new UnsupportedAssertion(`${origin}: document ${index + 1} is not valid YAML: ${problem.message.split('\n')[0]}`);
    const value: unknown = document.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue;
    if (!isDict(value) || value.kind !== 'Test' || typeof value.apiVersion !== 'string' || !value.apiVersion.startsWith('chainsaw.kyverno.io/')) {
      throw new UnsupportedAssertion(`${origin}: document ${index + 1} is not a chainsaw Test (kind: Test, apiVersion: chainsaw.kyverno.io/v1alpha1)`);
    }
    tests.push(value);
  }
  if (tests.length === 0) throw new UnsupportedAssertion(`${origin}: no chainsaw Test document`);
  const steps: HealthStep[] = [];
  let count = 0;
  let declaredNoOp = true;
  for (const [testIndex, test] of tests.entries()) {
    const spec = isDict(test.spec) ? test.spec : {};
    const metadata = isDict(test.metadata) ? test.metadata : {};
    const testTimeouts = timeouts(spec.timeouts, `${origin}: spec.timeouts`);
    const rawSteps = Array.isArray(spec.steps) ? spec.steps : [];
    for (const [stepIndex, rawStep] of rawSteps.entries()) {
      const step = isDict(rawStep) ? rawStep : {};
      const name = typeof step.name === 'string' && step.name ? step.name : `step[${stepIndex}]`;
      const where = `${origin}: ${tests.length > 1 ? `test[${testIndex}].` : ''}${name}`;
      const tries = Array.isArray(step.try) ? step.try : [];
      const operations = tries.map((raw, opIndex) => operation(raw, `${where}.try[${opIndex}]`));
      count += operations.length;
      if (count > MAX_OPERATIONS) throw new UnsupportedAssertion(`${origin}: more than ${MAX_OPERATIONS} operations`);
      steps.push({ name, operations, timeouts: timeouts(step.timeouts, `${where}.timeouts`, testTimeouts) });
    }
    const annotations = isDict(metadata.annotations) ? metadata.annotations : {};
    if (rawSteps.length && count) declaredNoOp = false;
    if (!count && annotations[NO_OP_ANNOTATION] !== 'true') {
      throw new UnsupportedAssertion(`${origin}: the Test declares no assert or error operation; annotate it ${NO_OP_ANNOTATION}: "true" if that is intended`);
    }
  }
  const first = tests[0]!;
  const name = isDict(first.metadata) && typeof first.metadata.name === 'string' ? first.metadata.name : '';
  return { name, steps, declaredNoOp: declaredNoOp && count === 0 };
}
