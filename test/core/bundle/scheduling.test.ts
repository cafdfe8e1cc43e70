import { describe, expect, it } from 'vitest';
import { BUNDLE_SETTINGS } from '../../../src/core/bundle/options.js';
import { injectScheduling, parseScheduling, parseToleration, parseWorkloadGate } from '../../../src/core/bundle/scheduling.js';
import type { ComponentConfig } from '../../../src/core/documents/types.js';
import { AicrError, formatError } from '../../../src/core/errors.js';
import { readOption } from '../../../src/core/options/values.js';

/** The message of what `work` throws, option references rendered as flags. */
function thrown(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AicrError);
    return formatError(error);
  }
  throw new Error('expected an error');
}

describe('selectors (read by the option reader as maps)', () => {
  it('split on the first "=", commas and newlines separate items, later keys win, values stay strings', () => {
    expect(readOption('system-node-selector', BUNDLE_SETTINGS.systemNodeSelector, ['a=1,b=x=y', 'a=2'])).toEqual({ a: '2', b: 'x=y' });
    expect(readOption('system-node-selector', BUNDLE_SETTINGS.systemNodeSelector, 'a=1\nb=2')).toEqual({ a: '1', b: '2' });
  });

  it('reject an item without "=" showing the expected form', () => {
    const message = thrown(() => readOption('accelerated-node-selector', BUNDLE_SETTINGS.acceleratedNodeSelector, ['nodeGroup']));
    expect(message).toContain('--accelerated-node-selector: "nodeGroup" is not key=value');
    expect(message).toContain('hint: write key=value pairs');
  });
});

describe('tolerations', () => {
  it.each([
    ['dedicated=gpu:NoSchedule', { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }],
    ['spot:PreferNoSchedule', { key: 'spot', operator: 'Exists', effect: 'PreferNoSchedule' }],
    ['k=:NoExecute', { key: 'k', operator: 'Exists', effect: 'NoExecute' }],
    [':NoSchedule', { operator: 'Exists', effect: 'NoSchedule' }],
    ['k=v=w:NoSchedule', { key: 'k', operator: 'Equal', value: 'v=w', effect: 'NoSchedule' }],
    ['k=1:NoSchedule', { key: 'k', operator: 'Equal', value: '1', effect: 'NoSchedule' }],
  ])('%s', (text, expected) => {
    expect(parseToleration(text, 'system-node-toleration')).toEqual(expected);
  });

  it.each([
    ['k=v', 'expected key=value:effect or key:effect'],
    ['a:b:NoSchedule', 'expected key=value:effect or key:effect'],
    ['k=v:noschedule', 'invalid taint effect "noschedule", expected NoSchedule, PreferNoSchedule, NoExecute'],
    ['k=v: NoSchedule', 'invalid taint effect " NoSchedule"'],
    ['k=v:', 'invalid taint effect ""'],
  ])('rejects %s', (text, message) => {
    const rendered = thrown(() => parseToleration(text, 'system-node-toleration'));
    expect(rendered).toContain(`--system-node-toleration: invalid taint ${JSON.stringify(text)}: `);
    expect(rendered).toContain(message);
  });

  it('default to tolerating everything when a toleration flag is absent, independently', () => {
    const scheduling = parseScheduling({ systemNodeToleration: ['a=b:NoSchedule'] });
    expect(scheduling.systemTolerations).toEqual([{ key: 'a', operator: 'Equal', value: 'b', effect: 'NoSchedule' }]);
    expect(scheduling.acceleratedTolerations).toEqual([{ operator: 'Exists' }]);
    expect(scheduling.systemSelector).toEqual({});
  });

  it('workload gate prints as a Kubernetes taint and needs a key', () => {
    expect(parseWorkloadGate('skyhook.nvidia.com/runtime-required=true:NoSchedule')).toBe('skyhook.nvidia.com/runtime-required=true:NoSchedule');
    expect(parseWorkloadGate('k=:NoSchedule')).toBe('k:NoSchedule');
    expect(() => parseWorkloadGate('=v:NoSchedule')).toThrow(/key cannot be empty/);
  });

  it('rejects a negative or fractional --nodes', () => {
    expect(thrown(() => parseScheduling({ nodes: -1 }))).toContain('--nodes: must be a whole number >= 0, not -1');
    expect(thrown(() => parseScheduling({ nodes: 1.5 }))).toContain('--nodes: must be a whole number >= 0, not 1.5');
    expect(thrown(() => readOption('nodes', BUNDLE_SETTINGS.nodes, '-1'))).toContain('--nodes: must be at least 0, not -1');
  });
});

describe('injection', () => {
  const config: ComponentConfig = {
    name: 'x',
    nodeScheduling: {
      system: { nodeSelectorPaths: ['node.nodeSelector', 'sys.sel'], tolerationPaths: ['node.tolerations'] },
      accelerated: { nodeSelectorPaths: ['gpu.sel'], tolerationPaths: ['node.tolerations', 'gpu.tol'], taintStrPaths: ['gate'] },
      nodeCountPaths: ['count'],
    },
    podScheduling: { workload: { workloadSelectorPaths: ['workload'] } },
  };

  it('writes system then accelerated paths (accelerated wins on a shared path), replacing what was there', () => {
    const values: Record<string, unknown> = { node: 'scalar', gpu: { sel: { old: 'x' } }, keep: 1 };
    injectScheduling(values, config, parseScheduling({
      systemNodeSelector: { role: 'system' },
      systemNodeToleration: ['dedicated=system:NoSchedule'],
      acceleratedNodeSelector: { 'nvidia.com/gpu.present': 'true' },
      workloadSelector: { app: 'train' },
      workloadGate: 'gate=1:NoSchedule',
      nodes: 8,
    }));
    expect(values).toEqual({
      keep: 1,
      node: { nodeSelector: { role: 'system' }, tolerations: [{ operator: 'Exists' }] },
      sys: { sel: { role: 'system' } },
      gpu: { sel: { 'nvidia.com/gpu.present': 'true' }, tol: [{ operator: 'Exists' }] },
      workload: { app: 'train' },
      gate: 'gate=1:NoSchedule',
      count: 8,
    });
  });

  it('writes nothing without flags except the default tolerations, and nothing for unknown components', () => {
    const values: Record<string, unknown> = {};
    injectScheduling(values, config, parseScheduling({}));
    expect(values).toEqual({ node: { tolerations: [{ operator: 'Exists' }] }, gpu: { tol: [{ operator: 'Exists' }] } });
    const untouched: Record<string, unknown> = {};
    injectScheduling(untouched, undefined, parseScheduling({ systemNodeSelector: { a: 'b' } }));
    expect(untouched).toEqual({});
  });

  it('gives each path its own copy', () => {
    const values: Record<string, unknown> = {};
    injectScheduling(values, config, parseScheduling({ systemNodeSelector: { a: 'b' } }));
    (values.sys as { sel: Record<string, string> }).sel.a = 'changed';
    expect((values.node as { nodeSelector: Record<string, string> }).nodeSelector.a).toBe('b');
  });
});
