// Operator, version and path semantics of constraints, table-driven with every comparison
// example of the spec (../shared/spec/snapshot-validate.md D.2–D.4), plus property tests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compare,
  compareVersions,
  evaluateConstraint,
  expressionProblem,
  lookupPath,
  parseConstraintPath,
  parseExpression,
  parseVersion,
  SnapshotIndex,
  versionsEqual,
  type Version,
} from '../../../src/core/constraints/index.js';
import type { Snapshot } from '../../../src/core/documents/types.js';

const evaluate = (expression: string, actual: string) => {
  const result = compare(parseExpression(expression), actual.trim());
  return result.ok ? (result.pass ? 'pass' : 'fail') : 'error';
};

describe('version parsing', () => {
  it.each([
    ['v1.33.5-eks-3025e55', ['1', '33', '5']],
    ['6.8.0-1028-aws', ['6', '8', '0']],
    ['1.28.0-gke.1337000', ['1', '28', '0']],
    ['1.2.3+build', ['1', '2', '3']],
    ['1.33.0-rc.1', ['1', '33', '0']],
    ['24.04', ['24', '4']],
    ['  1.33.0  ', ['1', '33', '0']],
    ['v1', ['1']],
    ['007.000', ['7', '0']],
    ['18446744073709551616.1', ['18446744073709551616', '1']],
  ])('%s → %j', (text, parts) => {
    const parsed = parseVersion(text);
    expect(parsed.ok && parsed.version.parts).toEqual(parts);
  });

  it.each([
    ['', 'empty version'],
    ['V1.33.0', 'non-numeric component (V1)'],
    ['1.33.0rc1', 'non-numeric component (0rc1)'],
    ['1..30', 'empty component'],
    ['1.33a', 'non-numeric component (33a)'],
    ['1.33.x-foo', 'non-numeric component (x-foo)'],
    ['1.2.3.4', 'more than 3 components'],
    ['-1', 'negative component (-1)'],
    ['ubuntu', 'non-numeric component (ubuntu)'],
    ['+1', 'non-numeric component (+1)'],
    ['v', 'empty component'],
  ])('%j is not a version (%s)', (text, reason) => {
    const parsed = parseVersion(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});

describe('expression evaluation (spec D.3 table and D.12 rows)', () => {
  it.each([
    ['>= 1.32.4', 'v1.33.5-eks-3025e55', 'pass'],
    ['>= 1.32.4', '1.32.4', 'pass'],
    ['>= 1.32.4', '1.30.0', 'fail'],
    ['>= 1.32.4', '1.32', 'pass'],
    ['>= 1.32.4', 'v1.32', 'pass'],
    ['<= 1.33', '1.33.0', 'pass'],
    ['<= 1.33', '1.33.9', 'pass'],
    ['> 1.30', '1.30.0', 'fail'],
    ['> 1.30', '1.30.7', 'fail'],
    ['> 1.30', '1.31.0', 'pass'],
    ['< 2.0', '2.0.0', 'fail'],
    ['< 1.33', '1.33.0-rc.1', 'fail'],
    ['<= 1.33.5', 'v1.33.5-eks-3025e55', 'pass'],
    ['< 1.34', 'v1.33.5-eks-3025e55', 'pass'],
    ['>= 6.8', '6.8.0-1028-aws', 'pass'],
    ['>= 6.8', '5.15.0-1050-aws', 'fail'],
    ['== 1.2.3', 'v1.2.3', 'pass'],
    ['== 1.32', '1.32.4', 'fail'],
    ['== 1.32', 'v1.32.0', 'pass'],
    ['== v25.10.1', 'v25.10.1', 'pass'],
    ['== 1.33.5', 'v1.33.5-eks-abc', 'pass'],
    ['!= 1.33', '1.33.0', 'fail'],
    ['!= 1.33', '1.33.1', 'pass'],
    ['!= rhel', 'ubuntu', 'pass'],
    ['!= ubuntu', 'ubuntu', 'fail'],
    ['!=ubuntu', 'ubuntu', 'fail'],
    ['24.04', '24.04', 'pass'],
    ['24.04', '24.4', 'fail'],
    ['== 24.04', '24.4', 'pass'],
    ['Ubuntu', 'ubuntu', 'fail'],
    ['== Ubuntu', 'ubuntu', 'fail'],
    ['ubuntu', '  ubuntu ', 'pass'],
    ['"ubuntu"', 'ubuntu', 'fail'],
    ['1.33', 'v1.33', 'fail'],
    ['v1.33.0', 'v1.33.0', 'pass'],
    ['== 6.8.0-1028-aws', '6.8.0-1030-aws', 'pass'],
    ['6.8.0-1028-aws', '6.8.0-1028-aws', 'pass'],
    ['> 6.8.0-1028-aws', '6.8.0-1030-aws', 'fail'],
    ['>= 6.8.0-1028', '6.8.0-1010-aws', 'pass'],
    ['>= 1.28.3', 'v1.28.0-gke.1337000', 'fail'],
    ['>= 1.32', '1.32.0+build.5', 'pass'],
    ['>= 1.33.5-eks-abc', '1.33.5', 'pass'],
    ['> 1.33.5-eks-abc', '1.33.5-eks-xyz', 'fail'],
    ['== 1.33.5-eks-abc', 'v1.33.5-eks-xyz', 'pass'],
    ['>= v1.32', 'v1.33', 'pass'],
    ['>= 1', '1.99', 'pass'],
    ['> 1', '1.99', 'fail'],
    ['>=1.32', '1.33.0', 'pass'],
    ['>=    1.32   ', '1.33.0', 'pass'],
    ['>= 1.32', '  1.33.0  ', 'pass'],
    ['== ubuntu22.04', 'ubuntu22.04', 'pass'],
    ['!= ubuntu22.04', 'ubuntu24.04', 'pass'],
    ['>= 8', '8', 'pass'],
    ['>= 8', '16', 'pass'],
    ['>= 10', '9', 'fail'],
    ['== 8', '8', 'pass'],
    ['8', '8', 'pass'],
    ['== 08', '8', 'fail'],
    ['>= 2', '1.99', 'fail'],
    ['true', 'true', 'pass'],
    ['True', 'true', 'fail'],
    ['>= 12.4', '12.8', 'pass'],
    ['>= 12.4', '12.10', 'pass'],
    ['>= 1.30', '1.99999999999999999999', 'pass'],
    ['>= 1.30', 'not-a-version', 'error'],
    ['>= 1.30', 'V1.33.0', 'error'],
    ['>= 1.30', '1.33.0rc1', 'error'],
    ['>= 1.30', '1.33a', 'error'],
    ['>= 1.30', '1.33.x-foo', 'error'],
    ['>= 1.30', '1..30', 'error'],
    ['>= abc', '1.30', 'error'],
    ['>= -1', '1.0', 'error'],
  ])('%j against %j: %s', (expression, actual, outcome) => {
    expect(evaluate(expression, actual)).toBe(outcome);
  });

  it('rejects an empty expression and an operator without operand', () => {
    expect(() => parseExpression('   ')).toThrow('constraint expression cannot be empty');
    expect(() => parseExpression('>=')).toThrow('constraint value cannot be empty after operator >=');
  });

  it('parses operators in upstream order; other prefixes are exact text', () => {
    expect(parseExpression('<nil>')).toMatchObject({ operator: '<', operand: 'nil>' });
    expect(parseExpression('=1.33.0')).toMatchObject({ operator: 'exact', operand: '=1.33.0' });
    expect(parseExpression(' >=  6.8 ')).toMatchObject({ operator: '>=', operand: '6.8' });
  });
});

describe('malformed expressions for validate (stricter than upstream)', () => {
  it.each([
    ['=1.33.0', 'unknown operator "="'],
    ['=> 1.33', 'unknown operator "=>"'],
    ['=< 1.33', 'unknown operator "=<"'],
    ['~1.33', 'unknown operator "~"'],
    ['^1.2', 'unknown operator "^"'],
    ['!1.2', 'unknown operator "!"'],
    ['>== 1.2', 'unknown operator ">=="'],
    ['<> 1.2', 'unknown operator "<>"'],
    ['=== 1.2', 'unknown operator "==="'],
    ['!== 1.2', 'unknown operator "!=="'],
    ['>= abc', '"abc" is not a version, but >= compares versions'],
    ['> V1.30', '"V1.30" is not a version'],
    ['>= 1.2.3.4', 'is not a version'],
    ['< nil>', 'is not a version'],
  ])('%j: %s', (text, message) => {
    expect(expressionProblem(parseExpression(text), text)?.message).toContain(message);
  });

  it.each(['>= 1.30', '== ubuntu', '!= rhel', 'ubuntu', '== ~text', '== <nil>', '24.04', 'true', '== 08'])('%j is well-formed', (text) => {
    expect(expressionProblem(parseExpression(text), text)).toBeUndefined();
  });
});

const snapshot: Snapshot = {
  measurements: [
    {
      type: 'K8s',
      subtypes: [
        { subtype: 'server', data: { version: 'v1.33.5-eks-3025e55' } },
        { subtype: 'server', data: { version: 'v9.9.9' } },
        { subtype: 'policy', data: { 'driver.version': '580.82.07' } },
      ],
    },
    { type: 'K8s', subtypes: [{ subtype: 'image', data: { pause: 'latest' } }] },
    {
      type: 'SystemD',
      subtypes: [
        { subtype: 'containerd.service', data: { ActiveState: 'active', 'Sub.State': 'x' } },
        { subtype: 'containerd', data: { 'service.ActiveState': 'other' } },
        { subtype: 'kubelet.service', data: { ActiveState: 'active', Empty: null } },
      ],
    },
    { type: 'OS', subtypes: [{ name: 'release', data: { ID: 'ubuntu' } } as never], unavailable: { reason: 'sysctl not readable' } },
    { type: 'GPU', subtypes: [{ subtype: 'smi', data: { 'gpu.model': 'NVIDIA H100 80GB HBM3', 'gpu-count': 8 } }] },
  ],
};

describe('paths and lookups', () => {
  const index = new SnapshotIndex(snapshot);
  const resolve = (path: string) => index.resolve(parseConstraintPath(path));

  it('uses the first measurement of a type and the first subtype of a name', () => {
    expect(resolve('K8s.server.version')).toMatchObject({ found: true, value: 'v1.33.5-eks-3025e55' });
    expect(resolve('K8s.image.pause')).toMatchObject({ found: false, missing: 'subtype' });
  });

  it('keeps dots and slashes in keys', () => {
    expect(resolve('K8s.policy.driver.version')).toMatchObject({ found: true, value: '580.82.07' });
    expect(resolve('GPU.smi.gpu.model')).toMatchObject({ found: true, value: 'NVIDIA H100 80GB HBM3' });
    expect(resolve('GPU.smi.gpu-count')).toMatchObject({ found: true, value: '8' });
  });

  it('resolves subtypes with dots: the one split that exists, or the bracket form', () => {
    expect(resolve('SystemD.kubelet.service.ActiveState')).toMatchObject({ found: true, value: 'active', subtype: 'kubelet.service' });
    expect(resolve('SystemD[kubelet.service].ActiveState')).toMatchObject({ found: true, value: 'active' });
    expect(resolve('SystemD[containerd.service].Sub.State')).toMatchObject({ found: true, value: 'x' });
    expect(resolve('SystemD.containerd.service.Sub.State')).toMatchObject({ found: true, value: 'x', subtype: 'containerd.service' });
  });

  it('refuses an ambiguous dotted path and names the bracket forms', () => {
    const result = resolve('SystemD.containerd.service.ActiveState');
    expect(result).toMatchObject({ found: false, missing: 'ambiguous' });
    if (!result.found) expect(result.reason).toContain('SystemD[containerd].service.ActiveState or SystemD[containerd.service].ActiveState');
    expect(resolve('SystemD[containerd].service.ActiveState')).toMatchObject({ found: true, value: 'other' });
  });

  it('names what is missing', () => {
    expect(resolve('NodeTopology.summary.node-count')).toEqual({ found: false, missing: 'type', reason: 'measurement type NodeTopology not found in the snapshot' });
    expect(resolve('K8s.nosuch.version')).toMatchObject({ found: false, missing: 'subtype', reason: 'subtype "nosuch" not found in the K8s measurement' });
    expect(resolve('K8s.server.nokey')).toMatchObject({ found: false, missing: 'key', reason: 'key "nokey" not found in K8s subtype "server"' });
    expect(resolve('SystemD.kubelet.service.Nope')).toMatchObject({ missing: 'key', reason: 'key "Nope" not found in SystemD subtype "kubelet.service"' });
    expect(resolve('OS.sysctl./proc/sys/kernel/osrelease')).toMatchObject({ missing: 'subtype', reason: expect.stringContaining('the OS measurement was unavailable: sysctl not readable') });
    expect(resolve('SystemD.kubelet.service.Empty')).toMatchObject({ found: false, missing: 'null' });
  });

  it('reads subtypes named with `name:` (leniency)', () => {
    expect(resolve('OS.release.ID')).toMatchObject({ found: true, value: 'ubuntu' });
  });

  it.each([
    ['K8s.server', 'expected format {Type}.{Subtype}.{Key}'],
    ['K8s', 'expected format'],
    ['Gpu.smi.driver', 'invalid measurement type in constraint path "Gpu.smi.driver": Gpu'],
    ['k8s.server.version', 'invalid measurement type'],
    ['K8s..version', 'must not be empty'],
    ['K8s.server.', 'must not be empty'],
    ['SystemD[kubelet.service]', 'expected format {Type}[{Subtype}].{Key}'],
    ['SystemD[].x', 'expected format {Type}[{Subtype}].{Key}'],
    ['Foo[bar].x', 'invalid measurement type'],
    [`K8s.${'a.'.repeat(100_000)}b`, 'more than 1024 characters or 64 dots'],
    [`K8s.server.${'v'.repeat(2000)}`, 'more than 1024 characters or 64 dots'],
  ])('%j is malformed: %s', (path, message) => {
    expect(() => parseConstraintPath(path)).toThrow(message);
  });
});

describe('recipe snapshot mode keeps upstream texts', () => {
  it.each([
    [{ name: 'K8s.server.version', value: '>= 1.30' }, { status: 'passed', actual: 'v1.33.5-eks-3025e55' }],
    [{ name: 'K8s.server.version', value: '>= 1.34' }, { status: 'failed', actual: 'v1.33.5-eks-3025e55' }],
    [{ name: 'OS.sysctl./proc/sys/kernel/osrelease', value: '>= 6.8' }, { status: 'error', message: '[NOT_FOUND] value not found in snapshot: [NOT_FOUND] subtype not found in measurement' }],
    [{ name: 'NodeTopology.a.b', value: '1' }, { status: 'error', message: '[NOT_FOUND] value not found in snapshot: [NOT_FOUND] measurement type not found in snapshot' }],
    [{ name: 'K8s.server.nokey', value: '1' }, { status: 'error', message: '[NOT_FOUND] value not found in snapshot: [NOT_FOUND] key not found in subtype' }],
    [{ name: 'K8s.server', value: '1' }, { status: 'error', message: expect.stringContaining('[INVALID_REQUEST] invalid constraint path') }],
    [{ name: 'K8s.server.version', value: '' }, { status: 'error', message: '[INVALID_REQUEST] constraint expression cannot be empty' }],
    [{ name: 'K8s.server.version', value: '>= abc' }, { status: 'error', message: expect.stringContaining('cannot parse expected version') }],
  ])('%j', (constraint, outcome) => {
    expect(evaluateConstraint(constraint, snapshot)).toMatchObject(outcome);
  });

  it('lookupPath reports NOT_FOUND and throws for malformed paths', () => {
    expect(lookupPath(snapshot, 'K8s.server.version')).toEqual({ found: true, value: 'v1.33.5-eks-3025e55' });
    const missing = lookupPath(snapshot, 'K8s.nosuch.version');
    expect(missing.found === false && missing.error.code).toBe('NOT_FOUND');
    expect(() => lookupPath(snapshot, 'k8s.server.version')).toThrow('invalid measurement type');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties on generated versions

const component = fc.oneof(fc.integer({ min: 0, max: 40 }).map(String), fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String), fc.constantFrom('0', '00', '007', '010'));
const suffix = fc.constantFrom('', '-eks-3025e55', '-1028-aws', '+build.5', '-rc.1', '-gke.1337000');
const versionText = (length?: number) =>
  fc.tuple(fc.boolean(), fc.array(component, length ? { minLength: length, maxLength: length } : { minLength: 1, maxLength: 3 }), suffix).map(([v, parts, tail]) => `${v ? 'v' : ''}${parts.join('.')}${tail}`);
const parsed = (text: string): Version => {
  const result = parseVersion(text);
  if (!result.ok) throw new Error(`generated an invalid version: ${text}`);
  return result.version;
};
const sign = (n: number) => (n > 0 ? 1 : n < 0 ? -1 : 0);

describe('version comparison properties', () => {
  it('every generated version parses, ignoring v prefix and suffix', () => {
    fc.assert(fc.property(versionText(), (text) => parseVersion(text).ok));
  });

  it('is antisymmetric and reflexive', () => {
    fc.assert(
      fc.property(versionText(), versionText(), (a, b) => {
        const [x, y] = [parsed(a), parsed(b)];
        expect(sign(compareVersions(x, y)) + sign(compareVersions(y, x))).toBe(0);
        expect(compareVersions(x, x)).toBe(0);
      }),
    );
  });

  it('is transitive among versions of the same precision, and agrees with numeric order', () => {
    for (const length of [1, 2, 3]) {
      fc.assert(
        fc.property(versionText(length), versionText(length), versionText(length), (a, b, c) => {
          const [x, y, z] = [parsed(a), parsed(b), parsed(c)];
          if (compareVersions(x, y) <= 0 && compareVersions(y, z) <= 0) expect(compareVersions(x, z)).toBeLessThanOrEqual(0);
          if (compareVersions(x, y) < 0 && compareVersions(y, z) < 0) expect(compareVersions(x, z)).toBeLessThan(0);
          const numeric = (v: Version) => v.parts.map(BigInt);
          const [nx, ny] = [numeric(x), numeric(y)];
          const expected = nx.reduce<number>((acc, part, i) => (acc !== 0 ? acc : part < ny[i]! ? -1 : part > ny[i]! ? 1 : 0), 0);
          expect(sign(compareVersions(x, y))).toBe(expected);
        }),
      );
    }
  });

  it('equality at full precision is an equivalence relation consistent with ordering', () => {
    fc.assert(
      fc.property(versionText(), versionText(), versionText(), (a, b, c) => {
        const [x, y, z] = [parsed(a), parsed(b), parsed(c)];
        expect(versionsEqual(x, x)).toBe(true);
        expect(versionsEqual(x, y)).toBe(versionsEqual(y, x));
        if (versionsEqual(x, y) && versionsEqual(y, z)) expect(versionsEqual(x, z)).toBe(true);
        if (versionsEqual(x, y)) expect(compareVersions(x, y)).toBe(0);
      }),
    );
  });

  it('operators agree with each other on every pair', () => {
    fc.assert(
      fc.property(versionText(), versionText(), (a, b) => {
        const operand = a.replace(/^v/, '');
        const ge = evaluate(`>= ${operand}`, b);
        const lt = evaluate(`< ${operand}`, b);
        const gt = evaluate(`> ${operand}`, b);
        const le = evaluate(`<= ${operand}`, b);
        expect(ge === 'pass').toBe(lt === 'fail');
        expect(gt === 'pass').toBe(le === 'fail');
        if (gt === 'pass') expect(ge).toBe('pass');
        // == / != are negations of each other whatever the operand looks like.
        expect(evaluate(`== ${a}`, b) === 'pass').toBe(evaluate(`!= ${a}`, b) === 'fail');
      }),
    );
  });

  it('mixed precision is not transitive (upstream semantics, documented)', () => {
    const [a, b, c] = ['1.2', '1', '1.3'].map(parsed) as [Version, Version, Version];
    expect(compareVersions(a, b)).toBe(0);
    expect(compareVersions(b, c)).toBe(0);
    expect(compareVersions(a, c)).toBeLessThan(0);
  });
});
