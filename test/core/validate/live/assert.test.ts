/** Chainsaw-style partial matching (kyverno-json semantics) with JMESPath keys. */
import { describe, expect, it } from 'vitest';
import { checkAssertionShape, mismatches, UnsupportedAssertion } from '../../../../src/core/validate/live/assert.js';

describe('partial matching', () => {
  const deployment = { metadata: { name: 'd', labels: { app: 'd', tier: 'x' } }, status: { availableReplicas: 2, replicas: 2, conditions: [{ type: 'Available', status: 'True' }, { type: 'Progressing', status: 'True' }] } };

  it('checks only the keys the expectation names', () => {
    expect(mismatches({ metadata: { labels: { app: 'd' } } }, deployment)).toEqual([]);
    expect(mismatches({ metadata: { labels: { app: 'e' } } }, deployment)).toEqual(['metadata.labels.app: expected "e", got "d"']);
    expect(mismatches({ status: { missing: 'x' } }, deployment)).toEqual(['status.missing: expected "x", got null']);
  });

  it('evaluates (expression) keys with JMESPath on the object at that level', () => {
    expect(mismatches({ status: { '(availableReplicas > `0`)': true } }, deployment)).toEqual([]);
    expect(mismatches({ status: { '(availableReplicas > `2`)': true } }, deployment)).toEqual(['status.(availableReplicas > `2`): expected true, got false']);
    // A field that is absent compares as null, never as a pass.
    expect(mismatches({ status: { '(readyReplicas > `0`)': true } }, deployment)).toEqual(['status.(readyReplicas > `0`): expected true, got null']);
    expect(mismatches({ status: { "(conditions[?type == 'Available'])": [{ status: 'True' }] } }, deployment)).toEqual([]);
    expect(mismatches({ status: { '(numberReady == desiredNumberScheduled)': true } }, { status: { numberReady: 1, desiredNumberScheduled: 2 } })).toEqual(['status.(numberReady == desiredNumberScheduled): expected true, got false']);
  });

  it('requires lists of the same length, matched element by element', () => {
    expect(mismatches({ status: { conditions: [{ type: 'Available' }] } }, deployment)).toEqual(['status.conditions: expected 1 item(s), got 2']);
    expect(mismatches({ status: { conditions: [{ type: 'Available' }, { status: 'False' }] } }, deployment)).toEqual(['status.conditions[1].status: expected "False", got "True"']);
    expect(mismatches({ spec: [1] }, { spec: { a: 1 } })).toEqual(['spec: expected a list, got {"a":1}']);
  });

  it('refuses constructs it does not evaluate, naming them', () => {
    expect(() => checkAssertionShape({ spec: { '~.(containers)': { image: 'x' } } })).toThrow(UnsupportedAssertion);
    expect(() => checkAssertionShape({ spec: { 'a->b': 1 } })).toThrow(/iteration \(~\) and bindings \(->\) are not supported/);
    expect(() => checkAssertionShape({ status: { phase: '(to_upper(@))' } })).toThrow(/expression values .* are not supported/);
    expect(() => checkAssertionShape({ status: { '(availableReplicas >)': true } })).toThrow(/status.\(availableReplicas >\): invalid JMESPath expression/);
  });
});
