/**
 * `--config <file>`: upstream's AICRConfig, one document that carries the options of several
 * commands (`spec.snapshot`, `spec.recipe`, `spec.bundle`, ...). A flag or input the user gave
 * wins over the file, and the file over the defaults; a list or map given both ways is replaced,
 * never merged (upstream's rule). Every field upstream defines is accepted; an unknown one is an
 * input error that suggests the field meant.
 */
import { invalidInput } from '../errors.js';
import { readLocation, parseLocation } from '../io.js';
import { parseSource } from '../documents/source.js';
import type { SourceDocument } from '../documents/source-types.js';
import { optionRef } from '../option-refs.js';
import { quoted } from '../safe-text.js';
import { isPlainObject } from '../serialize.js';
import { closestName } from '../util/suggest.js';
import type { ReadOptions } from '../location.js';
import type { Logger } from '../logger.js';
import { checkApiVersion, reportApiVersionNotices, type ApiVersionNotice } from '../documents/api-versions.js';

const AICR_CONFIG_KIND = 'AICRConfig';

/** A field table: a nested object of the keys upstream defines; `true` marks a leaf. */
type Fields = { [key: string]: Fields | true };

const SCHEDULING: Fields = {
  systemNodeSelector: true, systemNodeTolerations: true, acceleratedNodeSelector: true, acceleratedNodeTolerations: true,
  workloadGate: true, workloadSelector: true, nodes: true, storageClass: true, sharedStorageClass: true,
};

/** Every field of upstream's AICRConfig at 2026-08-21 (pkg/config). */
const FIELDS: Fields = {
  kind: true,
  apiVersion: true,
  metadata: { name: true },
  spec: {
    snapshot: {
      output: { path: true, format: true, template: true },
      agent: { namespace: true, image: true, imagePullSecrets: true, jobName: true, serviceAccountName: true, nodeSelector: true, tolerations: true, requireGpu: true, runtimeClassName: true, os: true, requests: true, limits: true },
      execution: { timeout: true, noCleanup: true, privileged: true, maxNodesPerEntry: true },
    },
    recipe: {
      criteria: { service: true, accelerator: true, intent: true, os: true, platform: true, nodes: true },
      configuration: { slurm: { accounting: { mode: true } }, runtimeInventory: { mode: true } },
      input: { snapshot: true },
      output: { path: true, format: true },
      data: true,
      profile: true,
      criteriaStrict: true,
    },
    bundle: {
      input: { recipe: true },
      output: { target: true, imageRefs: true },
      deployment: { deployer: true, repo: true, set: true, dynamic: true, vendorCharts: true, appName: true },
      scheduling: SCHEDULING,
      attestation: { enabled: true, certificateIdentityRegexp: true, oidcDeviceFlow: true, fulcioURL: true, rekorURL: true, signingKey: true },
      registry: { insecureTLS: true, plainHTTP: true },
    },
    validate: true,
    verify: true,
  },
};

export interface AicrConfig {
  origin: string;
  spec: Record<string, unknown>;
  source: SourceDocument;
  /** The document's older apiVersion, when it has one (logged by loadAicrConfig when given a logger). */
  apiVersionNotice?: ApiVersionNotice;
}

/**
 * Reads and checks an AICRConfig document (file, https URL or `-`; not cm://, as upstream). An
 * older apiVersion is read, with a notice to `logger` like every other document's.
 */
export async function loadAicrConfig(location: string, read: Omit<ReadOptions, 'input'> = {}, logger?: Logger): Promise<AicrConfig> {
  const parsed = parseLocation(location, 'config');
  if (parsed.kind === 'configmap') {
    throw invalidInput(`${optionRef('config')}: an AICRConfig is read from a file or an https:// URL, not a ConfigMap`, { hint: 'export the ConfigMap\'s data to a file and pass that', option: 'config' });
  }
  const { text, origin } = await readLocation(parsed, { ...read, input: 'config' });
  const source = await parseSource(text, origin);
  const config = checkAicrConfig(source, origin);
  if (config.apiVersionNotice && logger) reportApiVersionNotices(logger, [config.apiVersionNotice]);
  return config;
}

function checkAicrConfig(source: SourceDocument, origin: string): AicrConfig {
  const value = source.value;
  const fail = (path: string[], problem: string, hint: string): never => {
    throw invalidInput(`${origin}: ${optionRef('config')}: ${path.length ? `field ${path.join('.')} ` : ''}${problem}`, { location: source.locate(path), hint, option: 'config' });
  };
  if (!isPlainObject(value)) fail([], 'is not an AICRConfig document (expected a mapping)', 'write kind: AICRConfig, apiVersion and spec');
  const document = value as Record<string, unknown>;
  if (document.kind !== AICR_CONFIG_KIND) fail(['kind'], `is ${quoted(document.kind ?? '')}, expected "${AICR_CONFIG_KIND}"`, `write kind: ${AICR_CONFIG_KIND}`);
  // The common gate of every document: older values read with a notice, anything else refused.
  const location = Object.hasOwn(document, 'apiVersion') ? source.locate(['apiVersion']) : { file: origin };
  const apiVersionNotice = checkApiVersion(AICR_CONFIG_KIND, document.apiVersion, origin, location, 'config');
  checkFields(document, FIELDS, [], fail);
  const spec = isPlainObject(document.spec) ? document.spec : {};
  // One file for recipe then bundle: the recipe it writes must be the one the bundle reads (upstream's rule).
  const written = isPlainObject(spec.recipe) && isPlainObject(spec.recipe.output) ? spec.recipe.output.path : undefined;
  const read = isPlainObject(spec.bundle) && isPlainObject(spec.bundle.input) ? spec.bundle.input.recipe : undefined;
  if (typeof written === 'string' && typeof read === 'string' && written !== read) {
    fail(['spec', 'bundle', 'input', 'recipe'], `is ${quoted(read)}, but spec.recipe.output.path writes ${quoted(written)}`, 'point both at the same file');
  }
  return { origin, spec, source, ...(apiVersionNotice ? { apiVersionNotice } : {}) };
}

function checkFields(value: Record<string, unknown>, fields: Fields, path: string[], fail: (path: string[], problem: string, hint: string) => never): void {
  for (const key of Object.keys(value)) {
    const known = Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
    const here = [...path, key];
    if (known === undefined) {
      const near = closestName(key, Object.keys(fields));
      fail(here, `is unknown${near ? ` (did you mean "${near}"?)` : ''}`, near ? `rename it to "${near}"` : `remove it; here ${AICR_CONFIG_KIND} allows ${Object.keys(fields).map((name) => `"${name}"`).join(', ')}`);
    }
    const child = value[key];
    if (known !== true && known !== undefined) {
      if (child === null || child === undefined) continue;
      if (!isPlainObject(child)) fail(here, 'must be a mapping', `write ${key}: followed by its fields, indented`);
      checkFields(child as Record<string, unknown>, known, here, fail);
    }
  }
}

/** The value at a dot path of the spec, if any. */
export function specValue(config: AicrConfig, path: string): unknown {
  let node: unknown = config.spec;
  for (const segment of path.split('.')) {
    if (!isPlainObject(node) || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = node[segment];
  }
  return node;
}
