/**
 * The recipe stage as front doors use it: gather criteria from flags, a criteria file or a
 * snapshot, load the catalog, build the recipe.
 */
import { AicrError, invalidInput, wrapError, ErrorCode } from '../errors.js';
import { readDocument, type Criteria, type RawCriteria, type RecipeResult, type Snapshot } from '../documents/index.js';
import { parseLocation, readLocation, type ReadOptions } from '../io.js';
import { loadCatalog } from '../catalog/embedded.js';
import type { Catalog } from '../catalog/catalog.js';
import { VERSION } from '../version.js';
import { API_VERSION } from '../documents/types.js';
import { anyCriteria, applyCriteria, CRITERIA_FIELDS, describeCriteria, isAnyCriteria } from './criteria.js';
import { extractCriteria } from './snapshot-criteria.js';
import { buildRecipe } from './build.js';
import { checkAllowlists, parseAllowlists } from './allowlist.js';

export * from './criteria.js';
export { buildRecipe, type BuildOptions } from './build.js';
export { deploymentOrder, validateDependencies } from './order.js';
export { extractCriteria, acceleratorFromModel } from './snapshot-criteria.js';
export { hydrateRecipe, hydrateValues, select, formatSelection } from './query.js';
export { parseAllowlists, checkAllowlists, type Allowlists } from './allowlist.js';

/** What a front door collects for the recipe stage (flag, input and spec:input alike). */
export interface RecipeRequest {
  /** Criteria given one by one (`--service`, `service:` input, …). Empty strings are unset. */
  criteria: RawCriteria;
  /** `--criteria`: a RecipeCriteria document location. */
  criteriaFile?: string;
  /** `--snapshot`: a Snapshot location; its detected criteria replace the criteria file. */
  snapshot?: string;
  /** `--data`: an external data directory layered over the embedded catalog. */
  data?: string;
}

export interface RecipeOutcome {
  recipe: RecipeResult;
  criteria: Criteria;
  catalog: Catalog;
  /** Where the criteria came from. */
  mode: 'flags' | 'criteria-file' | 'snapshot';
  /** Notices for the log (ignored inputs, detected values overridden by flags, …). */
  notices: string[];
}

export const NO_CRITERIA_MESSAGE =
  'no criteria provided: specify at least one of --service, --accelerator, --intent, --os, --platform, --nodes, --criteria, or use --snapshot to load from a snapshot file';

const flagName = (field: string): string => `--${field}`;

/** Loads a Snapshot from any location (file, -, URL, cm://). */
export async function loadSnapshot(location: string, options: ReadOptions = {}): Promise<{ snapshot: Snapshot; origin: string }> {
  const { text, origin } = await readLocation(parseLocation(location, options.input ?? '--snapshot'), { input: '--snapshot', ...options });
  const { document } = await readDocument('Snapshot', text, origin);
  return { snapshot: document, origin };
}

async function loadCriteriaFile(location: string, options: ReadOptions): Promise<Criteria> {
  const { text, origin } = await readLocation(parseLocation(location, '--criteria'), { input: '--criteria', ...options });
  const { document } = await readDocument('RecipeCriteria', text, origin);
  if (document.kind && document.kind !== 'RecipeCriteria') {
    throw invalidInput(`${origin}: invalid kind "${document.kind}", expected "RecipeCriteria"`, {
      location: { file: origin },
      hint: 'set kind: RecipeCriteria (or leave it out)',
    });
  }
  if (document.apiVersion && document.apiVersion !== API_VERSION) {
    throw invalidInput(`${origin}: invalid apiVersion "${document.apiVersion}", expected "${API_VERSION}"`, {
      location: { file: origin },
      hint: `set apiVersion: ${API_VERSION} (or leave it out)`,
    });
  }
  const spec = document.spec ?? {};
  try {
    return applyCriteria(anyCriteria(), spec, (field) => `spec.${field} in ${origin}`);
  } catch (error) {
    const field = CRITERIA_FIELDS.find((f) => error instanceof AicrError && error.details?.field === f);
    throw wrapError(error, `${origin}: invalid ${field ?? 'nodes'} in criteria spec`, ErrorCode.InvalidInput);
  }
}

/** A negative --nodes is ignored, like upstream (a negative count in a criteria file is an error). */
function withoutNegativeNodes(raw: RawCriteria): RawCriteria {
  if (raw.nodes === undefined || raw.nodes >= 0) return raw;
  const { nodes: _ignored, ...rest } = raw;
  return rest;
}

/** Resolves the criteria of a request (flags over snapshot or criteria file). */
export async function resolveCriteria(request: RecipeRequest, options: ReadOptions = {}): Promise<{ criteria: Criteria; mode: RecipeOutcome['mode']; snapshot?: Snapshot; notices: string[] }> {
  const notices: string[] = [];
  const flags = withoutNegativeNodes(request.criteria);
  if (request.snapshot) {
    if (request.criteriaFile) notices.push(`--criteria ${request.criteriaFile} is ignored because --snapshot was given`);
    const { snapshot, origin } = await loadSnapshot(request.snapshot, options);
    const detected = extractCriteria(snapshot);
    const criteria = applyCriteria(detected, flags, flagName);
    for (const field of CRITERIA_FIELDS) {
      if (detected[field] !== 'any' && criteria[field] !== detected[field]) {
        notices.push(`--${field} ${criteria[field]} overrides the value detected in ${origin} (${detected[field]})`);
      }
    }
    notices.push(`criteria detected from ${origin}: ${describeCriteria(detected)}`);
    return { criteria, mode: 'snapshot', snapshot, notices };
  }
  if (request.criteriaFile) {
    const fromFile = await loadCriteriaFile(request.criteriaFile, options);
    return { criteria: applyCriteria(fromFile, flags, flagName), mode: 'criteria-file', notices };
  }
  const criteria = applyCriteria(anyCriteria(), flags, flagName);
  if (isAnyCriteria(criteria)) {
    throw invalidInput(NO_CRITERIA_MESSAGE, { hint: 'e.g. aicr recipe --service eks --accelerator h100 --intent training' });
  }
  return { criteria, mode: 'flags', notices };
}

/**
 * Runs the recipe stage end to end. Allowlists from `env` (AICR_ALLOWED_*) restrict the
 * criteria when set.
 */
export async function resolveRecipe(request: RecipeRequest, options: ReadOptions & { env?: NodeJS.ProcessEnv } = {}): Promise<RecipeOutcome> {
  const allowlists = parseAllowlists(options.env ?? process.env);
  const [{ criteria, mode, snapshot, notices }, catalog] = await Promise.all([
    resolveCriteria(request, options),
    loadCatalog(request.data).catch((error: unknown) => {
      throw request.data ? wrapError(error, `failed to load the data directory ${request.data}`) : error;
    }),
  ]);
  checkAllowlists(criteria, allowlists);
  const recipe = buildRecipe(catalog, criteria, {
    version: VERSION,
    ...(snapshot ? { snapshot } : {}),
    onWarning: (message) => notices.push(message),
  });
  return { recipe, criteria, catalog, mode, notices };
}
