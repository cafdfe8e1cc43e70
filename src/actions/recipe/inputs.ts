/** The recipe action's inputs, read and checked in one place. */
import type { RecipeRequest } from '../../core/recipe/index.js';
import { getBooleanInput, getEnumInput, getOptionalInput, getRecipeRequest, RecipeRequestInputs } from '../../github/inputs.js';

export const Inputs = {
  ...RecipeRequestInputs,
  Gpu: 'gpu',
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
  const request = getRecipeRequest(Inputs.Gpu);
  const format = getEnumInput(Inputs.Format, ['yaml', 'json'] as const, 'yaml');
  return {
    request,
    format,
    output: getOptionalInput(Inputs.Output) ?? `recipe.${format}`,
    summary: getBooleanInput(Inputs.Summary, true),
  };
}
