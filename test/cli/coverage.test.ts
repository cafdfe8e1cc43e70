// Upstream's coverage rule through the doors: a request no overlay covers exits 2 naming the
// uncovered criteria and the completions that would cover them, in the door's spelling.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { runWithInputs } from '../helpers/action.js';
import { writeTree } from '../helpers/catalog.js';
import { run as runRecipeAction } from '../../src/actions/recipe/main.js';

const overlay = (name: string, criteria: Record<string, string>, base?: string) => ({
  kind: 'RecipeMetadata',
  apiVersion: 'aicr.run/v1beta1',
  metadata: { name },
  spec: { ...(base ? { base } : {}), criteria },
});

/** A --data catalog for a private service: one generic overlay, an OS layer and two leaves. */
function privateCloud(extra: Record<string, unknown> = {}): string {
  return writeTree({
    'registry.yaml': { apiVersion: 'aicr.run/v1beta1', kind: 'ComponentRegistry', components: [] },
    'overlays/mycloud.yaml': overlay('mycloud', { service: 'mycloud' }),
    'overlays/mycloud-ubuntu.yaml': overlay('mycloud-ubuntu', { service: 'mycloud', os: 'ubuntu' }, 'mycloud'),
    'overlays/mycloud-x1-ubuntu-training.yaml': overlay('mycloud-x1-ubuntu-training', { service: 'mycloud', accelerator: 'x1', os: 'ubuntu', intent: 'training' }, 'mycloud-ubuntu'),
    'overlays/mycloud-x1-talos-inference.yaml': overlay('mycloud-x1-talos-inference', { service: 'mycloud', accelerator: 'x1', os: 'talos', intent: 'inference' }, 'mycloud'),
    ...extra,
  });
}

describe('a request no recipe covers', () => {
  it('exits 2 listing the supported combinations when more than one field is missing', async () => {
    const result = await runCli(['recipe', '--service', 'mycloud', '--accelerator', 'x1', '--data', privateCloud()]);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain("--accelerator 'x1' requires additional criteria; supported combinations: (--intent inference, --os talos), (--intent training, --os ubuntu)");
    expect(result.stderr).toContain('hint: add the criteria of one supported combination');
  });

  it('names the one missing field and its valid values, for every uncovered field', async () => {
    const result = await runCli(['recipe', '--service', 'mycloud', '--accelerator', 'x1', '--intent', 'training', '--data', privateCloud()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "--accelerator 'x1' for criteria(service=mycloud, accelerator=x1, intent=training) requires --os (valid: ubuntu); --intent 'training' for criteria(service=mycloud, accelerator=x1, intent=training) requires --os (valid: ubuntu)",
    );
    const covered = await runCli(['recipe', '--service', 'mycloud', '--accelerator', 'x1', '--intent', 'training', '--os', 'ubuntu', '--data', privateCloud()]);
    expect([covered.code, covered.stderr]).toEqual([0, '']);
    expect(parse(covered.stdout).metadata.appliedOverlays).toEqual(['base', 'monitoring-hpa', 'mycloud', 'mycloud-ubuntu', 'mycloud-x1-ubuntu-training']);
  });

  it('says so when no overlay carries the value at all', async () => {
    const result = await runCli(['recipe', '--service', 'mycloud', '--os', 'rhel', '--data', privateCloud()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no recipe provides --os 'rhel' for criteria(service=mycloud, os=rhel)");
  });

  it('demands the OS when separate overlays cover the fields and an OS would reach skipped ones', async () => {
    const data = privateCloud({ 'overlays/x1.yaml': overlay('x1', { accelerator: 'x1' }) });
    const result = await runCli(['recipe', '--service', 'mycloud', '--accelerator', 'x1', '--data', data]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('criteria(service=mycloud, accelerator=x1) has no recipe covering that combination; specify --os (valid: ubuntu)');
    // One overlay carrying the whole stated combination is a full answer: nothing is demanded.
    const generic = await runCli(['recipe', '--service', 'mycloud', '--data', data]);
    expect([generic.code, generic.stderr]).toEqual([0, '']);
  });

  it('speaks of inputs in the action', async () => {
    const result = await runWithInputs(runRecipeAction, { service: 'mycloud', accelerator: 'x1', intent: 'training', data: privateCloud() });
    expect(result.exitCode).toBe(2);
    const failure = result.commands.find((c) => c.command === 'error');
    expect(failure?.message).toContain(`input "accelerator" 'x1' for criteria(service=mycloud, accelerator=x1, intent=training) requires input "os" (valid: ubuntu)`);
    expect(failure?.message).toContain('exit code 2: invalid input');
  });
});

describe('criteria detected from a snapshot', () => {
  const snapshot = (os: string) => ({
    kind: 'Snapshot',
    apiVersion: 'aicr.nvidia.com/v1alpha1',
    measurements: [
      { type: 'K8s', subtypes: [{ subtype: 'server', data: { service: 'mycloud', version: 'v1.33.1' } }] },
      { type: 'OS', subtypes: [{ subtype: 'release', data: { ID: os } }] },
    ],
  });

  it('are dropped when no recipe distinguishes them, and kept when given as an option', async () => {
    const data = privateCloud();
    const dir = writeTree({ 'snapshot.yaml': snapshot('rhel') });
    const relaxed = await runCli(['recipe', '--snapshot', join(dir, 'snapshot.yaml'), '--data', data, '--output', join(dir, 'recipe.yaml')]);
    expect(relaxed.code, relaxed.stderr).toBe(0);
    expect(relaxed.stderr).toContain('no recipe distinguishes the detected os rhel: resolving without it');
    const recipe = parse(readFileSync(join(dir, 'recipe.yaml'), 'utf8'));
    expect(recipe.criteria).toMatchObject({ service: 'mycloud', os: 'any' });
    expect(recipe.metadata.appliedOverlays).toEqual(['base', 'monitoring-hpa', 'mycloud']);

    const stated = await runCli(['recipe', '--snapshot', join(dir, 'snapshot.yaml'), '--os', 'rhel', '--data', data]);
    expect(stated.code).toBe(2);
    expect(stated.stderr).toContain("no recipe provides --os 'rhel'");
  });

  it('are kept when the snapshot fails the constraints of the only overlays carrying them', async () => {
    const data = privateCloud({
      'overlays/mycloud-ubuntu.yaml': { ...overlay('mycloud-ubuntu', { service: 'mycloud', os: 'ubuntu' }, 'mycloud'), spec: { base: 'mycloud', criteria: { service: 'mycloud', os: 'ubuntu' }, constraints: [{ name: 'K8s.server.version', value: '>= 1.40' }] } },
      'overlays/mycloud-x1-ubuntu-training.yaml': overlay('mycloud-x1-talos-training', { service: 'mycloud', accelerator: 'x1', os: 'talos', intent: 'training' }, 'mycloud'),
    });
    const dir = writeTree({ 'snapshot.yaml': snapshot('ubuntu') });
    const result = await runCli(['recipe', '--snapshot', join(dir, 'snapshot.yaml'), '--data', data]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--os 'ubuntu' for criteria(service=mycloud, os=ubuntu) is provided only by overlays the snapshot's constraints excluded (mycloud-ubuntu)");
    expect(result.stderr).toContain("hint: the snapshot's constraints excluded overlays that carry it (mycloud-ubuntu)");
  });
});
