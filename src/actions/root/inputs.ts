/** The root action's inputs (the everyday end-to-end flow), read and checked in one place. */
import { DEPLOYER_MODULES, parseDeployer, type DeployerName } from '../../core/bundle/index.js';
import { invalidInput } from '../../core/errors.js';
import type { RecipeRequest } from '../../core/recipe/index.js';
import { getBooleanInput, getOptionalInput, getRecipeRequest, RecipeRequestInputs } from '../../github/inputs.js';

export const Inputs = {
  ...RecipeRequestInputs,
  FailOnError: 'fail-on-error',
  Deployer: 'deployer',
  Set: 'set',
  Repo: 'repo',
  OutputDir: 'output-dir',
  Replace: 'replace',
  Summary: 'summary',
} as const;

export const DEFAULT_OUTPUT_DIR = 'aicr';

export interface RootInputs {
  request: RecipeRequest;
  /** Validate the recipe against `request.snapshot` (set when a snapshot is given). */
  validate: boolean;
  failOnError: boolean;
  /** Deployer for the bundle, or undefined for `none` (stop after the recipe/validation). */
  deployer: DeployerName | undefined;
  set: string[];
  repo?: string;
  outputDir: string;
  replace: boolean;
  summary: boolean;
}

export function getInputs(): RootInputs {
  const request = getRecipeRequest();
  const deployerInput = getOptionalInput(Inputs.Deployer) ?? 'helm';
  const deployer = deployerInput.toLowerCase() === 'none' ? undefined : parseDeployer(deployerInput, `input "${Inputs.Deployer}"`);
  const set = (getOptionalInput(Inputs.Set) ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (!deployer && set.length) {
    throw invalidInput(`input "${Inputs.Set}" needs a deployer, but "${Inputs.Deployer}" is none`, { hint: `choose one of: ${Object.keys(DEPLOYER_MODULES).join(', ')}` });
  }
  const inputs: RootInputs = {
    request,
    validate: request.snapshot !== undefined,
    failOnError: getBooleanInput(Inputs.FailOnError, true),
    deployer,
    set,
    outputDir: getOptionalInput(Inputs.OutputDir) ?? DEFAULT_OUTPUT_DIR,
    replace: getBooleanInput(Inputs.Replace, false),
    summary: getBooleanInput(Inputs.Summary, true),
  };
  const repo = getOptionalInput(Inputs.Repo);
  if (repo) inputs.repo = repo;
  return inputs;
}
