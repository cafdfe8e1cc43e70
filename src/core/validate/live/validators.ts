/**
 * The performance and conformance phases: validator Jobs. This build does not run them: every
 * validator of the phase that the recipe names is reported skipped, with the reason. (The Job
 * runner replaces this file; the signature is the contract in types.ts.)
 */
import { loadCatalog } from '../../catalog/embedded.js';
import { ensureYamlParser, parseDocumentSync } from '../../documents/index.js';
import type { LiveCheckResult, ValidatorPhaseRequest } from './types.js';

const CATALOG_FILE = 'validators/catalog.yaml';

/** Validator name → phase, from the embedded validator catalog. */
async function validatorPhases(): Promise<Map<string, string>> {
  const catalog = await loadCatalog();
  await ensureYamlParser();
  const parsed = parseDocumentSync(catalog.readText(CATALOG_FILE), `recipes/${CATALOG_FILE}`, { syntax: 'yaml' }).value as { validators?: Array<{ name?: unknown; phase?: unknown }> };
  const phases = new Map<string, string>();
  for (const validator of parsed.validators ?? []) if (typeof validator.name === 'string' && typeof validator.phase === 'string') phases.set(validator.name, validator.phase);
  return phases;
}

export async function runValidatorPhase(request: ValidatorPhaseRequest): Promise<LiveCheckResult[]> {
  const phases = await validatorPhases();
  const named = request.recipe.validation?.[request.phase]?.checks ?? [];
  return named.map((name): LiveCheckResult => ({
    phase: request.phase,
    name,
    status: 'skipped',
    message: phases.get(name) === request.phase ? 'validator Jobs are not available in this build' : `not a ${request.phase} validator in ${CATALOG_FILE}`,
    durationMs: 0,
  }));
}
