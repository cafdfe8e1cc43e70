/** Options and outputs of comparing with an earlier result (`compare-to`), shared by the recipe and bundle stages and the root action. */
import { defineOptions } from '../options/spec.js';
import type { OutputSpec } from '../options/outputs.js';

/** Options of the recipe and bundle stages (and the root action). */
export const COMPARE_OPTIONS = defineOptions({
  compareTo: {
    type: 'string',
    description: 'Earlier recipe (file, https URL or cm://namespace/name) or, for bundles, earlier bundle folder to compare with, e.g. the one on the target branch: the change plan (components added or removed, version and values changes, files) is logged, written to plan-file and put in the job summary as Markdown for a pull request.',
    placeholder: '<file|url|cm://ns/name|dir>',
  },
  planFile: {
    type: 'string',
    description: 'Also write the change plan as Markdown to this file, e.g. to post as a pull-request comment (nothing is written without compare-to).',
    defaults: { gitlab: 'change-plan.md' },
    placeholder: '<file>',
    regex: '^[A-Za-z0-9._/-]+$',
  },
});

export const CHANGE_OUTPUTS: { changes: OutputSpec; planFile: OutputSpec } = {
  changes: { description: 'With compare-to: number of changes in the change plan (0: nothing changed); empty without compare-to.' },
  planFile: { description: 'With compare-to and plan-file: path of the Markdown change plan; else empty.' },
};

