/** The validate action's inputs, read and checked in one place. */
import { parsePhases, type LivePhase } from '../../core/validate/index.js';
import { getBooleanInput, getListInput, getOptionalInput, getRequiredInput } from '../../github/inputs.js';

export const Inputs = {
  Recipe: 'recipe',
  Snapshot: 'snapshot',
  Phase: 'phase',
  FailOnError: 'fail-on-error',
  ReportDir: 'report-dir',
  Annotations: 'annotations',
  Summary: 'summary',
} as const;

export const DEFAULT_REPORT_DIR = 'aicr-validate-report';

export interface ValidateInputs {
  /** RecipeResult location (file, https URL, cm://namespace/name). */
  recipe: string;
  /** Snapshot location (file, https URL, cm://namespace/name). */
  snapshot: string;
  /** Raw phase items (checked here, kept for the core request). */
  phases: string[];
  /** The live phases those items select. */
  livePhases: LivePhase[];
  failOnError: boolean;
  /** Directory for ctrf-report.json and junit.xml. */
  reportDir: string;
  annotations: boolean;
  summary: boolean;
}

export function getInputs(): ValidateInputs {
  const phases = getListInput(Inputs.Phase);
  return {
    recipe: getRequiredInput(Inputs.Recipe),
    snapshot: getRequiredInput(Inputs.Snapshot),
    phases,
    livePhases: parsePhases(phases, `input "${Inputs.Phase}"`),
    failOnError: getBooleanInput(Inputs.FailOnError, true),
    reportDir: getOptionalInput(Inputs.ReportDir) ?? DEFAULT_REPORT_DIR,
    annotations: getBooleanInput(Inputs.Annotations, true),
    summary: getBooleanInput(Inputs.Summary, true),
  };
}
