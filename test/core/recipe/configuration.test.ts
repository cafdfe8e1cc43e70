// The recipe configuration rules that need no catalog: ownership disjoint from a selected
// profile (ADR-016 §8), the snapshot's MariaDB Operator evidence, the owned paths per mode.
import { describe, expect, it } from 'vitest';
import type { ComponentRef, Reading, Snapshot } from '../../../src/core/documents/types.js';
import { formatError } from '../../../src/core/errors.js';
import { accountingOwnership, applyConfiguration, mariaDBOperatorState, pathsIntersect } from '../../../src/core/recipe/configuration.js';

const slurmRefs = (): Map<string, ComponentRef> =>
  new Map(['slinky-slurm', 'mariadb-operator-crds', 'mariadb-operator', 'slurm-accounting-mariadb'].map((name) => [name, { name, overrides: name === 'slinky-slurm' ? { accounting: { storageConfig: { host: 'x' } } } : {} }]));

describe('applyConfiguration', () => {
  it('keeps the refs it does not own and merges the derived gates into existing overrides', () => {
    const refs = slurmRefs();
    const configuration = applyConfiguration(refs, 'slurm', { slurmAccountingMode: 'customer-managed' }, undefined);
    expect(configuration).toEqual({ slurm: { accounting: { mode: 'customer-managed' } } });
    expect(refs.get('slinky-slurm')!.overrides).toEqual({ accounting: { enabled: true, storageConfig: { host: 'x' } } });
    expect(refs.get('mariadb-operator')!.overrides).toEqual({ install: false });
  });

  it('records nothing outside Slurm without a request', () => {
    expect(applyConfiguration(slurmRefs(), 'kubeflow', {}, undefined)).toBeUndefined();
  });

  it('refuses a profile that owns a path the accounting mode owns (exact, ancestor or descendant)', () => {
    for (const owned of ['accounting', 'accounting.enabled', 'enabled']) {
      const profile = { name: 'stack', value: 'x', ownedPaths: { 'slinky-slurm': [owned] } };
      let error: unknown;
      try {
        applyConfiguration(slurmRefs(), 'slurm', {}, profile);
      } catch (caught) {
        error = caught;
      }
      expect(formatError(error)).toContain(`configuration ownership conflict: "profile stack=x" owns slinky-slurm.${owned}, which intersects "configuration.slurm.accounting.mode=disabled"`);
    }
    // A disjoint profile is fine.
    expect(applyConfiguration(slurmRefs(), 'slurm', {}, { name: 'stack', value: 'x', ownedPaths: { 'gpu-operator': ['driver.enabled', 'enabled'] } })).toBeDefined();
  });

  it('refuses a Slurm recipe that lacks an accounting component', () => {
    const refs = slurmRefs();
    refs.delete('mariadb-operator');
    expect(() => applyConfiguration(refs, 'slurm', {}, undefined)).toThrow('Slurm recipe is missing required accounting component "mariadb-operator"');
  });
});

describe('accountingOwnership', () => {
  it('owns the gates in every mode and the connection contract only for aicr-provided', () => {
    expect(accountingOwnership('disabled')['slinky-slurm']).toEqual(['accounting.enabled', 'enabled']);
    expect(accountingOwnership('aicr-provided')['slinky-slurm']).toContain('accounting.storageConfig.host');
    expect(accountingOwnership('customer-managed')['slurm-accounting-mariadb']).toEqual(['enabled', 'install']);
    expect(pathsIntersect('accounting', 'accounting.enabled')).toBe(true);
    expect(pathsIntersect('accountingx', 'accounting')).toBe(false);
  });
});

describe('mariaDBOperatorState', () => {
  const snapshot = (...states: Array<string | undefined>): Snapshot => ({
    measurements: [{ type: 'K8s', subtypes: states.map((state) => ({ subtype: 'mariadb-operator', data: state === undefined ? {} : ({ 'collection-state': state } as Record<string, Reading>) })) }],
  });
  it('takes the worst reading; a missing or unrecognised one counts as unknown; no subtype means no evidence', () => {
    expect(mariaDBOperatorState(snapshot('absent'))).toBe('absent');
    expect(mariaDBOperatorState(snapshot('absent', 'api-detected'))).toBe('api-detected');
    expect(mariaDBOperatorState(snapshot('api-detected', undefined))).toBe('unknown');
    expect(mariaDBOperatorState(snapshot('weird'))).toBe('unknown');
    expect(mariaDBOperatorState(snapshot('unknown', 'crs-detected', 'absent'))).toBe('crs-detected');
    expect(mariaDBOperatorState({ measurements: [{ type: 'K8s', subtypes: [] }] })).toBeUndefined();
  });
});
