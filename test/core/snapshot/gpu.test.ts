import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gpuCollector, gpuMeasurement, parseNvidiaSmiXml } from '../../../src/core/snapshot/collectors/gpu.js';
import { silentLogger } from '../../../src/core/logger.js';
import type { CollectorResult } from '../../../src/core/snapshot/collector.js';
import { FIXTURES, UPSTREAM_EXAMPLES } from '../../helpers/paths.js';
import { emptyPathEnv, fakeToolsEnv } from './fake-tools.js';

const H100X8 = join(UPSTREAM_EXAMPLES, 'nvidia-smi-q-x-h100x8.xml');
const MIG = join(FIXTURES, 'snapshot', 'nvidia-smi-h100x2-mig.xml');

const collect = (env: NodeJS.ProcessEnv, options = {}): Promise<CollectorResult> =>
  gpuCollector(options).collect({ logger: silentLogger, signal: new AbortController().signal, env });

const data = (result: CollectorResult, subtype: string) => {
  if (result.status !== 'collected') throw new Error(`not collected: ${result.reason}`);
  return result.measurements[0]!.subtypes!.find((s) => s.subtype === subtype)?.data;
};

describe('GPU collector', () => {
  it('keeps upstream\'s smi readings exactly (spec F: expected values from the 8×H100 fixture)', () => {
    const measurement = gpuMeasurement(parseNvidiaSmiXml(readFileSync(H100X8, 'utf8')));
    expect(measurement.type).toBe('GPU');
    expect(measurement.subtypes![0]).toEqual({
      subtype: 'smi',
      data: {
        'gpu-count': 8,
        driver: '570.86.15',
        'cuda-version': '12.8',
        'gpu.model': 'NVIDIA H100 80GB HBM3',
        'gpu.product-architecture': 'Hopper',
        'gpu.display-mode': 'Enabled',
        'gpu.display-active': 'Disabled',
        'gpu.persistence-mode': 'Disabled',
        'gpu.addressing-mode': 'None',
        'gpu.vbios-version': '96.00.A5.00.01',
        'gpu.gsp-firmware-version': '570.86.15',
      },
    });
  });

  it('describes every GPU in its own gpu-<n> subtype, in nvidia-smi order, without serials or UUIDs', () => {
    const measurement = gpuMeasurement(parseNvidiaSmiXml(readFileSync(H100X8, 'utf8')));
    expect(measurement.subtypes!.map((s) => s.subtype)).toEqual(['smi', 'gpu-0', 'gpu-1', 'gpu-2', 'gpu-3', 'gpu-4', 'gpu-5', 'gpu-6', 'gpu-7']);
    expect(measurement.subtypes!.slice(1).map((s) => s.data['pci-bus-id'])).toEqual([
      '00000000:04:00.0', '00000000:05:00.0', '00000000:0B:00.0', '00000000:0C:00.0',
      '00000000:84:00.0', '00000000:85:00.0', '00000000:8B:00.0', '00000000:8C:00.0',
    ]);
    expect(measurement.subtypes![1]!.data).toMatchObject({
      model: 'NVIDIA H100 80GB HBM3',
      brand: 'NVIDIA',
      'memory-total': '81559 MiB',
      'mig-mode.current': 'Disabled',
      'mig-mode.pending': 'Disabled',
      'mig-device-count': 0,
      'ecc-mode.current': 'Enabled',
      'virtualization-mode': 'Pass-Through',
      'minor-number': '0',
      'fabric.state': 'Completed',
    });
    const text = JSON.stringify(measurement);
    expect(text).not.toContain('GPU-ab6ab95d'); // the first GPU's UUID
    expect(text).not.toContain('1652923034028'); // its serial
    expect(text).not.toMatch(/ C"|W"|%"/); // no temperatures, power or utilisation
  });

  it('records MIG mode and every MIG device with an unambiguous mig.<m>.* key scheme', () => {
    const measurement = gpuMeasurement(parseNvidiaSmiXml(readFileSync(MIG, 'utf8')));
    const [smi, gpu0, gpu1] = measurement.subtypes!;
    expect(smi!.data['gpu-count']).toBe(2);
    expect(smi!.data['gpu.vbios-version']).toBe('96.00.A5.00.01');
    expect(gpu0!.data).toMatchObject({
      'mig-mode.current': 'Enabled',
      'mig-mode.pending': 'Enabled',
      'mig-device-count': 2,
      'mig.0.index': '0',
      'mig.0.gpu-instance-id': '1',
      'mig.0.compute-instance-id': '0',
      'mig.0.multiprocessor-count': '60',
      'mig.0.copy-engine-count': '3',
      'mig.0.decoder-count': '3',
      'mig.0.jpg-count': '3',
      'mig.0.memory-total': '40448 MiB',
      'mig.1.gpu-instance-id': '2',
    });
    expect(Object.keys(gpu0!.data).filter((k) => k.startsWith('mig.2.'))).toEqual([]);
    expect(gpu1!.data).toMatchObject({ 'mig-mode.current': 'Disabled', 'mig-mode.pending': 'Enabled', 'mig-device-count': 0, 'vbios-version': '96.00.A5.00.02' });
  });

  it('omits a reading whose element is missing instead of writing an empty value', () => {
    const report = parseNvidiaSmiXml('<nvidia_smi_log><driver_version>550.1</driver_version><gpu id="0:1"><product_name>X</product_name></gpu></nvidia_smi_log>');
    const measurement = gpuMeasurement(report);
    expect(measurement.subtypes![0]!.data).toEqual({ 'gpu-count': 1, driver: '550.1', 'gpu.model': 'X' });
    expect(measurement.subtypes![1]!.data).toEqual({ 'pci-bus-id': '0:1', model: 'X', 'mig-device-count': 0 });
  });

  it('runs the real exec path: a fake nvidia-smi on PATH printing the fixture', async () => {
    const { env } = fakeToolsEnv({ 'nvidia-smi': { expectArgs: '-q -x', stdoutFile: H100X8 } });
    const result = await collect(env);
    expect(data(result, 'smi')!['gpu-count']).toBe(8);
    expect(data(result, 'gpu-7')!['pci-bus-id']).toBe('00000000:8C:00.0');
  });

  it('says why when nvidia-smi is missing, fails, hangs or prints something that is not its XML', async () => {
    expect(await collect(emptyPathEnv())).toEqual({ status: 'unavailable', reason: 'nvidia-smi not found on PATH' });
    const failing = fakeToolsEnv({ 'nvidia-smi': { stderr: "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.", exitCode: 9 } });
    expect(await collect(failing.env)).toEqual({
      status: 'unavailable',
      reason: "nvidia-smi exited with code 9: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.",
    });
    const slow = fakeToolsEnv({ 'nvidia-smi': { sleep: 5, stdoutFile: H100X8 } });
    const started = Date.now();
    expect(await collect(slow.env, { timeoutMs: 300 })).toEqual({ status: 'unavailable', reason: 'nvidia-smi did not finish within 0.3 s' });
    expect(Date.now() - started).toBeLessThan(3000);
    const xml = readFileSync(H100X8, 'utf8');
    const truncated = fakeToolsEnv({ 'nvidia-smi': { stdout: xml.slice(0, xml.indexOf('</gpu>')) } });
    expect(await collect(truncated.env)).toEqual({ status: 'unavailable', reason: 'nvidia-smi -q -x printed XML that could not be read: <gpu> is never closed (line 534)' });
    const cut = fakeToolsEnv({ 'nvidia-smi': { stdout: xml.slice(0, xml.indexOf('<total>') + 3) } });
    expect(await collect(cut.env)).toMatchObject({ status: 'unavailable', reason: expect.stringContaining('<to> is cut off by the end of the input') });
    const wrongRoot = fakeToolsEnv({ 'nvidia-smi': { stdout: '<html><body>hi</body></html>' } });
    expect(await collect(wrongRoot.env)).toMatchObject({ status: 'unavailable', reason: expect.stringContaining('expected the root element <nvidia_smi_log>, found <html>') });
  });

  it('uses an explicit command path and reports a non-executable one', async () => {
    const { bin } = fakeToolsEnv({ 'my-smi': { stdoutFile: MIG } });
    expect(data(await collect(emptyPathEnv(), { command: join(bin, 'my-smi') }), 'smi')!['gpu-count']).toBe(2);
    expect(await collect(emptyPathEnv(), { command: MIG })).toEqual({ status: 'unavailable', reason: `${MIG} is not executable` });
  });
});
