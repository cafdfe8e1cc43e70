/** The recipe action's inputs, read and checked in one place. */
import { invalidInput } from '../../core/errors.js';
import type { RecipeRequest } from '../../core/recipe/index.js';
import { getBooleanInput, getEnumInput, getIntegerInput, getOptionalInput } from '../../github/inputs.js';

export const Inputs = {
  Service: 'service',
  Accelerator: 'accelerator',
  Gpu: 'gpu',
  Intent: 'intent',
  Os: 'os',
  Platform: 'platform',
  Nodes: 'nodes',
  Snapshot: 'snapshot',
  CriteriaFile: 'criteria-file',
  Data: 'data',
  Format: 'format',
  Output: 'output',
  Summary: 'summary',
} as const;

export interface RecipeInputs {
  request: RecipeRequest;
  format: 'yaml' | 'json';
  /** File (or cm:// location) the recipe is written to. */
  output: string;
  summary: boolean;
}

export function getInputs(): RecipeInputs {
  const accelerator = getOptionalInput(Inputs.Accelerator);
  const gpu = getOptionalInput(Inputs.Gpu);
  if (accelerator && gpu && accelerator.toLowerCase() !== gpu.toLowerCase()) {
    throw invalidInput(`inputs "accelerator" (${accelerator}) and "gpu" (${gpu}) disagree`, { hint: 'set only one of them; gpu is an alias of accelerator' });
  }
  const request: RecipeRequest = { criteria: {} };
  const set = (field: 'service' | 'intent' | 'os' | 'platform', value: string | undefined): void => {
    if (value !== undefined) request.criteria[field] = value;
  };
  set('service', getOptionalInput(Inputs.Service));
  if (accelerator ?? gpu) request.criteria.accelerator = (accelerator ?? gpu)!;
  set('intent', getOptionalInput(Inputs.Intent));
  set('os', getOptionalInput(Inputs.Os));
  set('platform', getOptionalInput(Inputs.Platform));
  const nodes = getIntegerInput(Inputs.Nodes, { min: 0 });
  if (nodes !== undefined) request.criteria.nodes = nodes;
  const snapshot = getOptionalInput(Inputs.Snapshot);
  if (snapshot) request.snapshot = snapshot;
  const criteriaFile = getOptionalInput(Inputs.CriteriaFile);
  if (criteriaFile) request.criteriaFile = criteriaFile;
  const data = getOptionalInput(Inputs.Data);
  if (data) request.data = data;
  const format = getEnumInput(Inputs.Format, ['yaml', 'json'] as const, 'yaml');
  return {
    request,
    format,
    output: getOptionalInput(Inputs.Output) ?? `recipe.${format}`,
    summary: getBooleanInput(Inputs.Summary, true),
  };
}
