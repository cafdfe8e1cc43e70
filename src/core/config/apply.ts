/**
 * Filling a stage's option values from an AICRConfig: each mapped field goes through the same
 * reader as a flag or an input (so `argocd-helm`, `8` or `key=value` mean the same), but only for
 * options the user did not give. Fields upstream has and we do not offer are reported, not used.
 */
import { invalidInput } from '../errors.js';
import { optionRef } from '../option-refs.js';
import { defaultsOf, givenOptions, readOption } from '../options/values.js';
import { optionKey, type OptionTable } from '../options/spec.js';
import { isPlainObject } from '../serialize.js';
import { specValue, type AicrConfig } from './aicr-config.js';

/** Config field (dot path under spec) → option property of the stage's table. */
export type ConfigMapping = Readonly<Record<string, string>>;

export const BUNDLE_CONFIG_FIELDS: ConfigMapping = {
  'bundle.input.recipe': 'recipe',
  'bundle.output.target': 'output',
  'bundle.deployment.deployer': 'deployer',
  'bundle.deployment.repo': 'repo',
  'bundle.deployment.set': 'set',
  'bundle.deployment.dynamic': 'dynamic',
  'bundle.deployment.vendorCharts': 'vendorCharts',
  'bundle.scheduling.systemNodeSelector': 'systemNodeSelector',
  'bundle.scheduling.systemNodeTolerations': 'systemNodeToleration',
  'bundle.scheduling.acceleratedNodeSelector': 'acceleratedNodeSelector',
  'bundle.scheduling.acceleratedNodeTolerations': 'acceleratedNodeToleration',
  'bundle.scheduling.workloadGate': 'workloadGate',
  'bundle.scheduling.workloadSelector': 'workloadSelector',
  'bundle.scheduling.nodes': 'nodes',
  'bundle.scheduling.storageClass': 'storageClass',
  'bundle.scheduling.sharedStorageClass': 'sharedStorageClass',
};

export const RECIPE_CONFIG_FIELDS: ConfigMapping = {
  'recipe.criteria.service': 'service',
  'recipe.criteria.accelerator': 'accelerator',
  'recipe.criteria.intent': 'intent',
  'recipe.criteria.os': 'os',
  'recipe.criteria.platform': 'platform',
  'recipe.criteria.nodes': 'nodes',
  'recipe.input.snapshot': 'snapshot',
  'recipe.output.path': 'output',
  'recipe.output.format': 'format',
  'recipe.data': 'data',
  'recipe.profile': 'profile',
  'recipe.configuration.slurm.accounting.mode': 'slurmAccountingMode',
  'recipe.configuration.runtimeInventory.mode': 'runtimeInventory',
  'recipe.criteriaStrict': 'criteria-strict',
};

export const SNAPSHOT_CONFIG_FIELDS: ConfigMapping = {
  'snapshot.output.path': 'output',
  'snapshot.output.format': 'format',
  'snapshot.output.template': 'template',
  'snapshot.agent.namespace': 'namespace',
  'snapshot.agent.image': 'image',
  'snapshot.agent.imagePullSecrets': 'imagePullSecret',
  'snapshot.agent.jobName': 'jobName',
  'snapshot.agent.serviceAccountName': 'serviceAccountName',
  'snapshot.agent.nodeSelector': 'nodeSelector',
  'snapshot.agent.tolerations': 'toleration',
  'snapshot.agent.requireGpu': 'requireGpu',
  'snapshot.agent.runtimeClassName': 'runtimeClass',
  'snapshot.agent.os': 'os',
  'snapshot.agent.requests': 'requests',
  'snapshot.agent.limits': 'limits',
  'snapshot.execution.timeout': 'timeout',
  'snapshot.execution.noCleanup': 'noCleanup',
  'snapshot.execution.privileged': 'privileged',
  'snapshot.execution.maxNodesPerEntry': 'maxNodesPerEntry',
};

/** Upstream recipe fields with no counterpart here (none left). */
export const RECIPE_UNSUPPORTED: readonly string[] = [];

/** Upstream bundle fields with no counterpart here (signing, OCI publishing, Argo CD app names). */
const BUNDLE_UNSUPPORTED = ['bundle.output.imageRefs', 'bundle.deployment.appName', 'bundle.attestation', 'bundle.registry'];

/** The field as the text a door would have received, or an error naming the field. */
function asRaw(config: AicrConfig, field: string, value: unknown, type: string): string {
  const fail = (expected: string): never => {
    throw invalidInput(`${config.origin}: ${optionRef('config')}: field spec.${field} must be ${expected}`, { location: config.source.locate(['spec', ...field.split('.')]), hint: `fix spec.${field} in the config file`, option: 'config' });
  };
  if (type === 'list') {
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) fail('a list of strings');
    return (value as string[]).join('\n');
  }
  if (type === 'map') {
    if (!isPlainObject(value) || Object.values(value).some((item) => typeof item !== 'string')) fail('a mapping of strings');
    return Object.entries(value as Record<string, string>).map(([key, item]) => `${key}=${item}`).join('\n');
  }
  if (type === 'bool') {
    if (typeof value !== 'boolean') fail('true or false');
    return String(value);
  }
  if (type === 'int' || type === 'duration') {
    if (type === 'duration' && typeof value === 'string') return value;
    if (typeof value !== 'number' || !Number.isInteger(value)) fail(type === 'duration' ? 'a duration such as 90s or 5m' : 'a whole number');
    return String(value);
  }
  if (typeof value !== 'string') fail('a string');
  return value as string;
}

/**
 * Fills `values` (read with readOptions) from the config's fields in `mapping`, for the options
 * the door did not receive. Returns notes for the log (ignored fields, fields an option replaced).
 */
export function applyConfig(values: Record<string, unknown>, table: OptionTable, config: AicrConfig, mapping: ConfigMapping, unsupported: readonly string[] = BUNDLE_UNSUPPORTED): string[] {
  const notes: string[] = [];
  const given = givenOptions.get(values) ?? inferGiven(values, table);
  for (const [field, property] of Object.entries(mapping)) {
    const spec = table[property];
    const value = specValue(config, field);
    if (value === undefined || value === null) continue;
    if (!spec) {
      notes.push(`${config.origin}: spec.${field} is not supported by this aicr and was ignored`);
      continue;
    }
    if (given.has(property)) {
      notes.push(`${optionRef(optionKey(property))} given: it replaces spec.${field} of ${config.origin}`);
      continue;
    }
    const converted = readOption(optionKey(property), spec, asRaw(config, field, value, spec.type));
    if (converted !== undefined) values[property] = converted;
  }
  for (const field of unsupported) {
    if (specValue(config, field) !== undefined) notes.push(`${config.origin}: spec.${field} is not supported by this aicr and was ignored`);
  }
  return notes;
}

/** For values built without readOptions: an option counts as given when it differs from its default. */
function inferGiven(values: Record<string, unknown>, table: OptionTable): ReadonlySet<string> {
  const defaults = defaultsOf(table) as Record<string, unknown>;
  return new Set(Object.keys(values).filter((property) => JSON.stringify(values[property]) !== JSON.stringify(defaults[property])));
}
