import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFilteredProperty, parseSystemctlShow, systemdCollector, systemdReading } from '../../../src/core/snapshot/collectors/systemd.js';
import type { CollectorResult } from '../../../src/core/snapshot/collector.js';
import { silentLogger } from '../../../src/core/logger.js';
import { FIXTURES } from '../../helpers/paths.js';
import { emptyPathEnv, fakeToolsEnv } from './fake-tools.js';

const SHOW = join(FIXTURES, 'snapshot', 'systemctl-show.txt');
const ARGS = 'show --all --no-pager containerd.service docker.service kubelet.service';
const collect = (env: NodeJS.ProcessEnv): Promise<CollectorResult> =>
  systemdCollector().collect({ logger: silentLogger, signal: new AbortController().signal, env });

describe('SystemD collector', () => {
  it('describes containerd, docker and kubelet with one systemctl call, one subtype per unit', async () => {
    const { env } = fakeToolsEnv({ systemctl: { expectArgs: ARGS, stdoutFile: SHOW } });
    const result = await collect(env);
    if (result.status !== 'collected') throw new Error(result.reason);
    const [measurement] = result.measurements;
    expect(measurement!.type).toBe('SystemD');
    expect(measurement!.subtypes!.map((s) => s.subtype)).toEqual(['containerd.service', 'docker.service', 'kubelet.service']);
    const containerd = measurement!.subtypes![0]!.data;
    expect(containerd).toMatchObject({
      ActiveState: 'active',
      SubState: 'running',
      LoadState: 'loaded',
      Delegate: true,
      CPUAccounting: true,
      RemainAfterExit: false,
      MainPID: 1187,
      LimitNOFILE: 1048576,
      MemoryCurrent: 2811355136,
      TasksMax: 'infinity',
      UMask: '0022',
      OOMScoreAdjust: -999,
      Restart: 'always',
      ProtectHome: 'no',
      ProtectSystem: 'no',
      PrivateTmp: false,
      FragmentPath: '/usr/lib/systemd/system/containerd.service',
      Description: 'containerd container runtime',
      After: 'network.target local-fs.target dbus.service',
      UID: '[not set]',
    });
    expect(measurement!.subtypes![1]!.data).toMatchObject({ LoadState: 'not-found', ActiveState: 'inactive', Restart: 'no', CanStart: false });
    expect(measurement!.subtypes![2]!.data).toMatchObject({ ActiveState: 'active', NRestarts: 2, TasksMax: 76451 });
  });

  it('leaves out upstream\'s filtered properties, every *Credential* property and Environment (secrets)', async () => {
    const { env } = fakeToolsEnv({ systemctl: { stdoutFile: SHOW } });
    const result = await collect(env);
    if (result.status !== 'collected') throw new Error(result.reason);
    for (const subtype of result.measurements[0]!.subtypes!) {
      for (const key of ['Id', 'AllowedCPUs', 'BusName', 'Asserts', 'LoadCredential', 'SetCredentialEncrypted', 'Environment']) {
        expect(subtype.data).not.toHaveProperty(key);
      }
    }
    expect(JSON.stringify(result)).not.toContain('s3cr3t');
    expect(JSON.stringify(result)).not.toContain('/etc/containerd/token');
    expect(isFilteredProperty('ImportCredential')).toBe(true);
    expect(isFilteredProperty('Names')).toBe(false);
  });

  it('is unavailable, with the reason, when systemctl is missing or systemd is not running', async () => {
    expect(await collect(emptyPathEnv())).toEqual({ status: 'unavailable', reason: 'systemctl not found on PATH' });
    const { env } = fakeToolsEnv({
      systemctl: { stderr: "System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down", exitCode: 1 },
    });
    expect(await collect(env)).toEqual({
      status: 'unavailable',
      reason: "systemctl exited with code 1: System has not been booted with systemd as init system (PID 1). Can't operate.",
    });
  });

  it('refuses output that does not have one block per unit', async () => {
    const { env } = fakeToolsEnv({ systemctl: { stdout: 'ActiveState=active\n' } });
    expect(await collect(env)).toEqual({ status: 'unavailable', reason: 'systemctl show printed 1 property blocks for 3 units' });
  });

  it('rejects unit names that are not unit names before running anything', () => {
    expect(() => systemdCollector({ units: ['x; rm -rf /'] })).toThrow(/invalid systemd unit name/);
  });

  it('recovers value kinds from systemctl text', () => {
    expect(systemdReading('Delegate', 'yes')).toBe(true);
    expect(systemdReading('ProtectSystem', 'no')).toBe('no');
    expect(systemdReading('LimitNOFILE', '524288')).toBe(524288);
    expect(systemdReading('TasksMax', '18446744073709551615')).toBe('18446744073709551615');
    expect(systemdReading('UMask', '0022')).toBe('0022');
    expect(systemdReading('Nice', '-5')).toBe(-5);
    expect(systemdReading('Description', '')).toBe('');
    expect(parseSystemctlShow('A=1\nB=x=y\n\n\nC=2\n')).toEqual([{ A: '1', B: 'x=y' }, { C: '2' }]);
  });

  it('on this machine: either describes the units or says why systemd cannot be asked', async () => {
    const result = await collect(process.env);
    if (result.status === 'unavailable') expect(result.reason).toMatch(/^systemctl (not found on PATH|exited with code \d+)/);
    else expect(result.measurements[0]!.subtypes).toHaveLength(3);
  });
});
