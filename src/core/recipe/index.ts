/**
 * The recipe stage as front doors use it: gather criteria from flags, a criteria file or a
 * snapshot, load the catalog, build the recipe.
 */
import { AicrError, invalidInput, wrapError, ErrorCode } from '../errors.js';
import type { Criteria, RawCriteria, RecipeResult } from '../documents/index.js';
import type { LoadedDocument } from '../load.js';
import { loadDataCatalog } from '../catalog/embedded.js';
import type { Catalog } from '../catalog/catalog.js';
import { optionRef } from '../option-refs.js';
import { VERSION } from '../version.js';
import { anyCriteria, applyCriteria, CRITERIA_FIELDS, describeCriteria, isAnyCriteria, type CriteriaField, type DeclaredCriteria } from '../criteria.js';
import { extractCriteria } from './snapshot-criteria.js';
import { buildRecipe } from './build.js';
import { checkAllowlists, parseAllowlists } from './allowlist.js';
import { parseProfileSelection } from './profile.js';

export * from '../criteria.js';
;
export { deploymentOrder, validateDependencies } from '../catalog/order.js';
export { extractCriteria,  } from './snapshot-criteria.js';
export { hydrateRecipe,  select, formatSelection } from './query.js';
export { parseAllowlists, checkAllowlists,  } from './allowlist.js';

/** What the recipe stage needs: criteria given one by one, and the documents already loaded. */
export interface RecipeRequest {
  /** Criteria given one by one (`--service`, `service:` input, …). Empty strings are unset. */
  criteria: RawCriteria;
  /** A RecipeCriteria document (the `criteria` option); its fields yield to the ones given singly. */
  criteriaDocument?: LoadedDocument<'RecipeCriteria'>;
  /** A Snapshot (the `snapshot` option): its detected criteria replace the criteria document. */
  snapshot?: LoadedDocument<'Snapshot'>;
  /** An external data directory layered over the embedded catalog (the `data` option). */
  data?: string;
  /** Only values the embedded catalog declares (the `criteria-strict` option; also AICR_CRITERIA_STRICT). */
  criteriaStrict?: boolean;
  /** `name=value` of the configuration profile to apply (the `profile` option). */
  profile?: string;
  /** Slurm accounting ownership mode (the `slurm-accounting-mode` option): disabled, customer-managed, aicr-provided. */
  slurmAccountingMode?: string;
  /** Runtime AI inventory selection (the `runtime-inventory` option): enabled or disabled. */
  runtimeInventory?: string;
}

export interface RecipeOutcome {
  recipe: RecipeResult;
  criteria: Criteria;
  catalog: Catalog;
  /** Where the criteria came from. */
  mode: 'flags' | 'criteria-file' | 'snapshot';
  /** Notices for the log (ignored inputs, detected values overridden by options, …). */
  notices: string[];
}

/** AICR_CRITERIA_STRICT (1, true, yes, on): only values the embedded catalog declares, as upstream's CI gate. */
function criteriaStrict(env: NodeJS.ProcessEnv): boolean {
  return ['1', 'true', 'yes', 'on'].includes((env.AICR_CRITERIA_STRICT ?? '').trim().toLowerCase());
}

/** The message for a request without any criteria (upstream's wording, options in the door's spelling). */
const NO_CRITERIA_MESSAGE = `no criteria provided: specify at least one of ${['service', 'accelerator', 'intent', 'os', 'platform', 'nodes', 'criteria'].map(optionRef).join(', ')}, or use ${optionRef('snapshot')} to load from a snapshot file`;

function criteriaFromDocument(loaded: LoadedDocument<'RecipeCriteria'>, declared: DeclaredCriteria): Criteria {
  const spec = loaded.document.spec ?? {};
  try {
    return applyCriteria(anyCriteria(), spec, (field) => `spec.${field} in ${loaded.origin}`, loaded.source.scalarText(['spec', 'nodes']), declared);
  } catch (error) {
    const field = CRITERIA_FIELDS.find((f) => error instanceof AicrError && error.details?.field === f);
    throw wrapError(error, `${loaded.origin}: invalid ${field ?? 'nodes'} in criteria spec`, ErrorCode.InvalidInput);
  }
}

/**
 * Resolves the criteria of a request (options over the snapshot or the criteria document).
 * Values are checked against the built-in lists and those the loaded catalog declares.
 */
function resolveCriteria(request: RecipeRequest, declared: DeclaredCriteria): { criteria: Criteria; mode: RecipeOutcome['mode']; notices: string[] } {
  const notices: string[] = [];
  const given = request.criteria;
  const apply = (base: Criteria) => applyCriteria(base, given, optionRef, undefined, declared);
  if (request.snapshot) {
    const { document, origin } = request.snapshot;
    const detected = extractCriteria(document, declared);
    const criteria = apply(detected);
    for (const field of CRITERIA_FIELDS) {
      if (detected[field] !== 'any' && criteria[field] !== detected[field]) {
        notices.push(`${optionRef(field)} ${criteria[field]} overrides the value detected in ${origin} (${detected[field]})`);
      }
    }
    notices.push(`criteria detected from ${origin}: ${describeCriteria(detected)}`);
    return { criteria, mode: 'snapshot', notices };
  }
  if (request.criteriaDocument) {
    return { criteria: apply(criteriaFromDocument(request.criteriaDocument, declared)), mode: 'criteria-file', notices };
  }
  const criteria = apply(anyCriteria());
  if (isAnyCriteria(criteria)) {
    throw invalidInput(NO_CRITERIA_MESSAGE, { hint: 'e.g. service eks, accelerator h100, intent training' });
  }
  return { criteria, mode: 'flags', notices };
}

/**
 * Runs the recipe stage end to end. Allowlists from `env` (AICR_ALLOWED_*) restrict the
 * criteria when set.
 */
export async function resolveRecipe(request: RecipeRequest, options: { env?: NodeJS.ProcessEnv; onDebug?: (message: string) => void } = {}): Promise<RecipeOutcome> {
  const env = options.env ?? process.env;
  const allowlists = parseAllowlists(env);
  const profile = parseProfileSelection(request.profile);
  const catalog = await loadDataCatalog(request.data);
  const { criteria, mode, notices } = resolveCriteria(request, catalog.declaredCriteria.withStrict(request.criteriaStrict === true || criteriaStrict(env)));
  checkAllowlists(criteria, allowlists);
  const snapshot = request.snapshot?.document;
  const build = (wanted: Criteria) => buildRecipe(catalog, wanted, {
    version: VERSION,
    ...(snapshot ? { snapshot } : {}),
    ...(profile ? { profile } : {}),
    configuration: {
      ...(request.slurmAccountingMode ? { slurmAccountingMode: request.slurmAccountingMode } : {}),
      ...(request.runtimeInventory ? { runtimeInventory: request.runtimeInventory } : {}),
    },
    onWarning: (message) => notices.push(message),
    ...(options.onDebug ? { onDebug: options.onDebug } : {}),
  });
  try {
    return { recipe: build(criteria), criteria, catalog, mode, notices };
  } catch (error) {
    const relaxed = mode === 'snapshot' ? relaxDetected(error, criteria, request.criteria) : undefined;
    if (!relaxed) throw error;
    for (const field of relaxed.cleared) {
      notices.push(`no recipe distinguishes the detected ${field} ${criteria[field]}: resolving without it (state ${optionRef(field)} to require it)`);
    }
    return { recipe: build(relaxed.criteria), criteria: relaxed.criteria, catalog, mode, notices };
  }
}

/**
 * Upstream's retry for criteria detected from a snapshot: when every field the coverage rule
 * reports was detected (not given as an option), none lost its overlay to the snapshot's
 * constraints, and some stated field remains, those fields are cleared for one more try.
 */
function relaxDetected(error: unknown, criteria: Criteria, given: RawCriteria): { criteria: Criteria; cleared: CriteriaField[] } | undefined {
  const uncovered = error instanceof AicrError ? (error.details?.uncovered as Array<{ dimension: CriteriaField; constraintExcluded: boolean }> | undefined) : undefined;
  if (!uncovered?.length) return undefined;
  const isGiven = (field: CriteriaField) => given[field] !== undefined && given[field] !== null && given[field] !== '';
  if (uncovered.some((entry) => isGiven(entry.dimension) || entry.constraintExcluded)) return undefined;
  const relaxed = { ...criteria };
  for (const entry of uncovered) relaxed[entry.dimension] = 'any';
  if (CRITERIA_FIELDS.every((field) => relaxed[field] === 'any')) return undefined;
  return { criteria: relaxed, cleared: uncovered.map((entry) => entry.dimension) };
}

