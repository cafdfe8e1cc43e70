/** GitHub rendering of a change plan (`compare-to`): the job-summary section, ready to post on a pull request. */
import type { ChangePlan } from '../core/changes/plan.js';
import { planMarkdown } from '../core/changes/render.js';
import type { Summary } from './summary.js';

export function addChangeSummary(summary: Summary, plan: ChangePlan | undefined): void {
  if (plan) summary.addRaw(`\n${planMarkdown(plan)}\n`);
}
