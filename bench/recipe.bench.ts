/** Recipe stage: warm resolution of every criteria combination (cold starts: startup.bench.ts). */
import { loadCatalog } from '../src/core/catalog/embedded.js';
import { buildRecipe } from '../src/core/recipe/build.js';
import { CRITERIA_VALUES, anyCriteria } from '../src/core/criteria.js';
import type { Criteria } from '../src/core/documents/types.js';
import { rows, timeInProcess } from './harness.js';

export async function run(): Promise<void> {
  const catalog = await loadCatalog();
  const combos: Criteria[] = [];
  const values = (field: keyof typeof CRITERIA_VALUES) => ['any', ...CRITERIA_VALUES[field]];
  for (const service of values('service'))
    for (const accelerator of values('accelerator'))
      for (const intent of values('intent'))
        for (const os of values('os'))
          for (const platform of values('platform')) combos.push({ ...anyCriteria(), service, accelerator, intent, os, platform });
  const perSweep = timeInProcess(() => {
    for (const criteria of combos) buildRecipe(catalog, criteria);
  }, { samples: 9, minMs: 3000 });
  const perSecond = combos.length / (perSweep / 1000);
  rows.push({
    benchmark: `warm recipe resolution (${combos.length} combinations, no caching)`,
    figure: `${Math.round(perSecond).toLocaleString('en-US')} recipes/s`,
    baseline: `${(perSweep * 1000 / combos.length).toFixed(1)} µs/recipe`,
    target: '>= 40,000 recipes/s',
    ok: perSecond >= 40_000,
  });
}
