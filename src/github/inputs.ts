/**
 * Typed readers for action inputs. Every action's inputs.ts uses these and nothing else reads
 * INPUT_* variables; each error names the input and the accepted values.
 */
import * as core from '@actions/core';
import { invalidInput } from '../core/errors.js';
import type { RecipeRequest } from '../core/recipe/index.js';

/** The trimmed value, or undefined when the input is empty or absent. */
export function getOptionalInput(name: string): string | undefined {
  const value = core.getInput(name);
  return value === '' ? undefined : value;
}

export function getRequiredInput(name: string): string {
  const value = getOptionalInput(name);
  if (value === undefined) throw invalidInput(`input "${name}" is required`, { hint: `set "with: ${name}: …" in the workflow step` });
  return value;
}

/** YAML 1.2 booleans only (true/True/TRUE/false/False/FALSE), as @actions/core defines them. */
export function getBooleanInput(name: string, fallback: boolean): boolean {
  const value = getOptionalInput(name);
  if (value === undefined) return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw invalidInput(`input "${name}" must be true or false, not "${value}"`, { hint: `set ${name}: true or ${name}: false` });
}

export function getEnumInput<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = getOptionalInput(name);
  if (value === undefined) return fallback;
  const normalised = value.toLowerCase();
  const match = allowed.find((candidate) => candidate === normalised);
  if (!match) throw invalidInput(`input "${name}" must be one of ${allowed.join(', ')}, not "${value}"`, { hint: `set ${name} to one of: ${allowed.join(', ')}` });
  return match;
}

export function getIntegerInput(name: string, options: { min?: number; fallback?: number } = {}): number | undefined {
  const value = getOptionalInput(name);
  if (value === undefined) return options.fallback;
  if (!/^-?\d+$/.test(value)) throw invalidInput(`input "${name}" must be a whole number, not "${value}"`, { hint: `e.g. ${name}: 8` });
  const number = Number(value);
  if (options.min !== undefined && number < options.min) {
    throw invalidInput(`input "${name}" must be at least ${options.min}, not ${number}`, { hint: `set ${name} to ${options.min} or more` });
  }
  return number;
}

/** One item per line; commas also separate items. Blank items are dropped. */
export function getListInput(name: string): string[] {
  const value = getOptionalInput(name);
  if (value === undefined) return [];
  return value.split(/[\n,]/).map((item) => item.trim()).filter((item) => item !== '');
}

/** Names of the inputs that describe a recipe request; the same in every action that takes one. */
export const RecipeRequestInputs = {
  Service: 'service',
  Accelerator: 'accelerator',
  Intent: 'intent',
  Os: 'os',
  Platform: 'platform',
  Nodes: 'nodes',
  Snapshot: 'snapshot',
  CriteriaFile: 'criteria-file',
  Data: 'data',
} as const;

/**
 * The recipe request from the standard inputs (service … nodes, snapshot, criteria-file, data).
 * `acceleratorAlias` names an input that may spell the accelerator too (the recipe action's `gpu`).
 */
export function getRecipeRequest(acceleratorAlias?: string): RecipeRequest {
  const names = RecipeRequestInputs;
  const request: RecipeRequest = { criteria: {} };
  const fields = [[names.Service, 'service'], [names.Intent, 'intent'], [names.Os, 'os'], [names.Platform, 'platform']] as const;
  for (const [input, field] of fields) {
    const value = getOptionalInput(input);
    if (value !== undefined) request.criteria[field] = value;
  }
  const accelerator = getOptionalInput(names.Accelerator);
  const alias = acceleratorAlias ? getOptionalInput(acceleratorAlias) : undefined;
  if (accelerator && alias && accelerator.toLowerCase() !== alias.toLowerCase()) {
    throw invalidInput(`inputs "${names.Accelerator}" (${accelerator}) and "${acceleratorAlias}" (${alias}) disagree`, { hint: `set only one of them; ${acceleratorAlias} is an alias of ${names.Accelerator}` });
  }
  if (accelerator ?? alias) request.criteria.accelerator = (accelerator ?? alias)!;
  const nodes = getIntegerInput(names.Nodes, { min: 0 });
  if (nodes !== undefined) request.criteria.nodes = nodes;
  const snapshot = getOptionalInput(names.Snapshot);
  if (snapshot) request.snapshot = snapshot;
  const criteriaFile = getOptionalInput(names.CriteriaFile);
  if (criteriaFile) request.criteriaFile = criteriaFile;
  const data = getOptionalInput(names.Data);
  if (data) request.data = data;
  return request;
}
