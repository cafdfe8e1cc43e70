import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/actions/recipe/main.js';
import { runWithInputs } from '../helpers/action.js';
import { UPSTREAM_RECIPES } from '../helpers/paths.js';

describe('actions/recipe', () => {
  it('writes the recipe, sets every output and a summary with a Mermaid deployment graph', async () => {
    const result = await runWithInputs(run, { service: 'eks', accelerator: 'h100', intent: 'training', os: 'ubuntu', platform: 'kubeflow' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['recipe-path']).toBe('recipe.yaml');
    const recipe = parse(readFileSync(join(result.cwd, 'recipe.yaml'), 'utf8'));
    expect(recipe.kind).toBe('RecipeResult');
    expect(result.outputs['applied-overlays']).toBe('base,monitoring-hpa,h100-any,eks,eks-training,h100-eks-training,h100-eks-ubuntu-training,h100-eks-ubuntu-training-kubeflow');
    expect(result.outputs['deployment-order']).toBe(
      'aws-ebs-csi-driver,aws-efa,cert-manager,nfd,nodewright-operator,nodewright-customizations,prometheus-operator-crds,kube-prometheus-stack,gpu-operator,k8s-ephemeral-storage-metrics,kai-scheduler,kubeflow-trainer,nvidia-dra-driver-gpu,nvsentinel,prometheus-adapter',
    );
    const components = JSON.parse(result.outputs.components!);
    expect(components).toHaveLength(15);
    expect(components.find((c: { name: string }) => c.name === 'gpu-operator')).toEqual({
      name: 'gpu-operator', version: 'v26.3.3', namespace: 'gpu-operator', chart: 'gpu-operator', source: 'https://helm.ngc.nvidia.com/nvidia',
    });
    expect(result.summary).toContain('<h2>AICR recipe</h2>');
    expect(result.summary).toContain('```mermaid\nflowchart LR');
    // gpu-operator depends on cert-manager: an edge from cert-manager's node to gpu-operator's.
    const order = result.outputs['deployment-order']!.split(',');
    const id = (name: string) => `c${order.indexOf(name) + 1}`;
    expect(result.summary).toContain(`${id('cert-manager')} --> ${id('gpu-operator')}`);
    expect(result.summary).toContain('<td>kubeflow-trainer</td><td>2.2.0</td>');
  });

  it('accepts json format and a custom output path', async () => {
    const result = await runWithInputs(run, { service: 'eks', accelerator: 'gb200', intent: 'inference', format: 'json', output: 'out/r.json', summary: 'false' });
    expect(result.exitCode).toBe(0);
    const recipe = JSON.parse(readFileSync(join(result.cwd, 'out/r.json'), 'utf8'));
    expect(recipe.criteria.accelerator).toBe('gb200');
    expect(result.summary).toBe('');
  });

  it('reads a criteria file and a data directory', async () => {
    const result = await runWithInputs(run, {}, {});
    expect(result.exitCode).toBe(2);
    const withFile = await runWithInputs(async () => {
      writeFileSync('criteria.yaml', 'kind: RecipeCriteria\napiVersion: aicr.run/v1\nspec:\n  service: kind\n  intent: inference\n');
      await run();
    }, { criteria: 'criteria.yaml', data: UPSTREAM_RECIPES });
    expect(withFile.exitCode).toBe(0);
    expect(withFile.outputs['applied-overlays']).toBe('base,monitoring-hpa,kind,kind-inference');
  });

  it('fails through the one failure path with the documented exit code', async () => {
    const result = await runWithInputs(run, { service: 'eks', accelerator: 'v100' });
    expect(result.exitCode).toBe(2);
    const failure = result.commands.find((c) => c.command === 'error');
    expect(failure?.message).toContain('invalid accelerator type: v100');
    expect(failure?.message).toContain('a100, b200, gb200, gb300, h100, h200, l40, l40s, rtx-pro-6000');
    expect(failure?.message).toContain('exit code 2: invalid input');
    expect(result.outputs['recipe-path']).toBeUndefined();
  });

  it('rejects a malformed boolean and a negative node count', async () => {
    expect((await runWithInputs(run, { service: 'eks', summary: 'yes' })).commands.at(-1)?.message).toContain('input "summary": takes true or false, not "yes"');
    expect((await runWithInputs(run, { service: 'eks', nodes: '-2' })).commands.at(-1)?.message).toContain('input "nodes": must be at least 0, not -2');
  });
});
