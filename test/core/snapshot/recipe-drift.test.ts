/** Recipe drift: constraints that passed on the baseline and fail on the new snapshot. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../src/core/load.js';
import { recipeRegressions } from '../../../src/core/snapshot/recipe-drift.js';
import { validateRecipe } from '../../../src/core/validate/index.js';
import { FIXTURES } from '../../helpers/paths.js';

const at = (name: string): string => join(FIXTURES, 'validate', name);

describe('recipeRegressions', () => {
  it('lists exactly the constraints that passed on the baseline and fail now, with both readings', async () => {
    const recipe = await loadDocument('RecipeResult', at('recipe-extended.yaml'), { option: 'recipe' });
    const passing = await loadDocument('Snapshot', at('snapshot-eks-h100-pass.yaml'), { option: 'baseline' });
    const failing = await loadDocument('Snapshot', at('snapshot-eks-h100-fail.yaml'), { option: 'baseline' });
    const before = validateRecipe(recipe, passing).constraints;
    const after = validateRecipe(recipe, failing).constraints;
    const regressions = recipeRegressions(recipe, passing, failing);
    expect(regressions.length).toBeGreaterThan(0);
    for (const regression of regressions) {
      expect(before.find((c) => c.name === regression.name)?.status).toBe('passed');
      expect(after.find((c) => c.name === regression.name)?.status).toBe('failed');
      expect(regression.location.file).toBe(at('recipe-extended.yaml'));
      expect(regression.location.line).toBeGreaterThan(0);
    }
    // Every constraint that went from passed to failed is listed, nothing else.
    const expected = after.filter((c) => c.status === 'failed' && before.find((b) => b.name === c.name)?.status === 'passed').map((c) => c.name);
    expect(regressions.map((r) => r.name)).toEqual(expected);
    // Constraints failing on both are not drift: the other way round finds nothing that "passed before".
    expect(recipeRegressions(recipe, failing, failing)).toEqual([]);
    expect(recipeRegressions(recipe, passing, passing)).toEqual([]);
  });
});
