/** Criteria flags shared by `recipe` and `query` (upstream's names and aliases). */
import type { FlagSpec, FlagValues } from '../args.js';
import { CRITERIA_VALUES } from '../../core/recipe/criteria.js';
import type { RecipeRequest } from '../../core/recipe/index.js';
import type { RawCriteria } from '../../core/documents/types.js';

export const CRITERIA_FLAGS: FlagSpec[] = [
  { name: 'service', type: 'string', value: '<service>', description: `Kubernetes service: ${CRITERIA_VALUES.service.join(', ')}, any` },
  { name: 'accelerator', aliases: ['--gpu'], type: 'string', value: '<gpu>', description: `GPU type: ${CRITERIA_VALUES.accelerator.join(', ')}, any` },
  { name: 'intent', type: 'string', value: '<intent>', description: `workload intent: ${CRITERIA_VALUES.intent.join(', ')}, any` },
  { name: 'os', type: 'string', value: '<os>', description: `node OS: ${CRITERIA_VALUES.os.join(', ')}, any` },
  { name: 'platform', type: 'string', value: '<platform>', description: `platform: ${CRITERIA_VALUES.platform.join(', ')}, any` },
  { name: 'nodes', type: 'integer', description: 'GPU node count (0 = any; negative values are ignored)' },
  { name: 'criteria', aliases: ['-c'], type: 'string', value: '<file|url|->', description: 'RecipeCriteria document; individual flags override its fields' },
  { name: 'snapshot', aliases: ['-s'], type: 'string', value: '<file|url|cm://ns/name|->', description: 'Snapshot to detect criteria from; overlays whose constraints it fails are excluded' },
  { name: 'data', type: 'string', value: '<dir>', description: 'external data directory layered over the embedded catalog' },
  { name: 'kubeconfig', aliases: ['-k'], type: 'string', value: '<file>', description: 'kubeconfig for cm:// locations', env: 'KUBECONFIG' },
];

export function recipeRequestFromFlags(flags: FlagValues): RecipeRequest {
  const criteria: RawCriteria = {};
  for (const field of ['service', 'accelerator', 'intent', 'os', 'platform'] as const) {
    const value = flags[field];
    if (typeof value === 'string') criteria[field] = value;
  }
  if (typeof flags.nodes === 'number') criteria.nodes = flags.nodes;
  const request: RecipeRequest = { criteria };
  if (typeof flags.criteria === 'string') request.criteriaFile = flags.criteria;
  if (typeof flags.snapshot === 'string') request.snapshot = flags.snapshot;
  if (typeof flags.data === 'string') request.data = flags.data;
  return request;
}
