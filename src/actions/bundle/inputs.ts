/** The bundle action's inputs, read and checked in one place. */
import { parseDeployer, type BundleRequest } from '../../core/bundle/index.js';
import { getBooleanInput, getIntegerInput, getListInput, getOptionalInput, getRequiredInput } from '../../github/inputs.js';

export const Inputs = {
  Recipe: 'recipe',
  Deployer: 'deployer',
  Output: 'output',
  Replace: 'replace',
  Set: 'set',
  SystemNodeSelector: 'system-node-selector',
  SystemNodeToleration: 'system-node-toleration',
  AcceleratedNodeSelector: 'accelerated-node-selector',
  AcceleratedNodeToleration: 'accelerated-node-toleration',
  WorkloadSelector: 'workload-selector',
  WorkloadGate: 'workload-gate',
  Nodes: 'nodes',
  Repo: 'repo',
  TargetRevision: 'target-revision',
  Data: 'data',
  Summary: 'summary',
} as const;

export const DEFAULT_OUTPUT = 'bundle';

export interface BundleInputs {
  request: BundleRequest;
  summary: boolean;
}

/** `set` takes one override per line: values may contain commas, so only newlines separate. */
function getLines(name: string): string[] {
  return (getOptionalInput(name) ?? '').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

export function getInputs(): BundleInputs {
  const request: BundleRequest = {
    recipe: getRequiredInput(Inputs.Recipe),
    deployer: parseDeployer(getOptionalInput(Inputs.Deployer), `input "${Inputs.Deployer}"`),
    output: getOptionalInput(Inputs.Output) ?? DEFAULT_OUTPUT,
    force: getBooleanInput(Inputs.Replace, false),
  };
  const set = getLines(Inputs.Set);
  if (set.length) request.set = set;
  const lists = [
    [Inputs.SystemNodeSelector, 'systemNodeSelector'],
    [Inputs.SystemNodeToleration, 'systemNodeToleration'],
    [Inputs.AcceleratedNodeSelector, 'acceleratedNodeSelector'],
    [Inputs.AcceleratedNodeToleration, 'acceleratedNodeToleration'],
    [Inputs.WorkloadSelector, 'workloadSelector'],
  ] as const;
  for (const [input, field] of lists) {
    const values = getListInput(input);
    if (values.length) request[field] = values;
  }
  const gate = getOptionalInput(Inputs.WorkloadGate);
  if (gate) request.workloadGate = gate;
  const nodes = getIntegerInput(Inputs.Nodes, { min: 0 });
  if (nodes !== undefined) request.nodes = nodes;
  const repo = getOptionalInput(Inputs.Repo);
  if (repo) request.repo = repo;
  const revision = getOptionalInput(Inputs.TargetRevision);
  if (revision) request.targetRevision = revision;
  const data = getOptionalInput(Inputs.Data);
  if (data) request.data = data;
  return { request, summary: getBooleanInput(Inputs.Summary, true) };
}
