/**
 * GPU collector (`type: GPU`): `nvidia-smi -q -x`, parsed for every GPU and its MIG devices.
 *
 * Subtype `smi` carries upstream AICR's keys unchanged (driver, CUDA version, GPU count and the
 * first GPU's `gpu.*` fields), so recipes and constraints written for upstream read true.
 * We go further with one subtype per GPU, `gpu-<n>` (n = position in nvidia-smi's output,
 * which is its index order), holding that GPU's static properties, its MIG mode and one
 * `mig.<m>.*` group per MIG device. Serial numbers, UUIDs and live figures (temperature, power,
 * utilisation, memory in use) are never recorded.
 */
import type { Measurement, Reading, Subtype } from '../../documents/types.js';
import type { Collector, CollectorContext, CollectorResult } from '../collector.js';
import { runCommand } from '../exec.js';
import { childElement, childElements, parseXml, textAt, XmlSyntaxError, type XmlElement } from '../xml.js';

export interface GpuCollectorOptions {
  /** The nvidia-smi executable: a name looked up on PATH or a path (default `nvidia-smi`). */
  command?: string;
  /** Time limit for nvidia-smi in milliseconds (default 10 s). */
  timeoutMs?: number;
}

interface MigDeviceInfo {
  index?: string;
  gpuInstanceId?: string;
  computeInstanceId?: string;
  multiprocessorCount?: string;
  copyEngineCount?: string;
  encoderCount?: string;
  decoderCount?: string;
  ofaCount?: string;
  jpgCount?: string;
  memoryTotal?: string;
}

interface GpuInfo {
  pciBusId?: string;
  /** Element name → trimmed text for the single-value fields we record. */
  fields: Record<string, string>;
  migDevices: MigDeviceInfo[];
}

export interface NvidiaSmiReport {
  driverVersion?: string;
  cudaVersion?: string;
  gpus: GpuInfo[];
}

/** nvidia-smi element path → `gpu-<n>` reading key. */
const GPU_FIELDS: ReadonlyArray<[string, string]> = [
  ['product_name', 'model'],
  ['product_brand', 'brand'],
  ['product_architecture', 'product-architecture'],
  ['display_mode', 'display-mode'],
  ['display_active', 'display-active'],
  ['persistence_mode', 'persistence-mode'],
  ['addressing_mode', 'addressing-mode'],
  ['vbios_version', 'vbios-version'],
  ['gsp_firmware_version', 'gsp-firmware-version'],
  ['minor_number', 'minor-number'],
  ['compute_mode', 'compute-mode'],
  ['gpu_virtualization_mode/virtualization_mode', 'virtualization-mode'],
  ['fb_memory_usage/total', 'memory-total'],
  ['ecc_mode/current_ecc', 'ecc-mode.current'],
  ['ecc_mode/pending_ecc', 'ecc-mode.pending'],
  ['mig_mode/current_mig', 'mig-mode.current'],
  ['mig_mode/pending_mig', 'mig-mode.pending'],
  ['fabric/state', 'fabric.state'],
  ['fabric/cliqueId', 'fabric.clique-id'],
];

/** Upstream's first-GPU keys in `smi` (element path → key). */
const UPSTREAM_FIRST_GPU_FIELDS: ReadonlyArray<[string, string]> = [
  ['product_name', 'gpu.model'],
  ['product_architecture', 'gpu.product-architecture'],
  ['display_mode', 'gpu.display-mode'],
  ['display_active', 'gpu.display-active'],
  ['persistence_mode', 'gpu.persistence-mode'],
  ['addressing_mode', 'gpu.addressing-mode'],
  ['vbios_version', 'gpu.vbios-version'],
  ['gsp_firmware_version', 'gpu.gsp-firmware-version'],
];

const MIG_FIELDS: ReadonlyArray<[keyof MigDeviceInfo, string, string]> = [
  ['gpuInstanceId', 'gpu_instance_id', 'gpu-instance-id'],
  ['computeInstanceId', 'compute_instance_id', 'compute-instance-id'],
  ['multiprocessorCount', 'device_attributes/shared/multiprocessor_count', 'multiprocessor-count'],
  ['copyEngineCount', 'device_attributes/shared/copy_engine_count', 'copy-engine-count'],
  ['encoderCount', 'device_attributes/shared/encoder_count', 'encoder-count'],
  ['decoderCount', 'device_attributes/shared/decoder_count', 'decoder-count'],
  ['ofaCount', 'device_attributes/shared/ofa_count', 'ofa-count'],
  ['jpgCount', 'device_attributes/shared/jpg_count', 'jpg-count'],
  ['memoryTotal', 'fb_memory_usage/total', 'memory-total'],
];

/**
 * Reads the parts of an `nvidia-smi -q -x` document we record. Throws XmlSyntaxError for
 * malformed XML or a root element other than `nvidia_smi_log`. The DOCTYPE is never fetched.
 */
export function parseNvidiaSmiXml(xml: string): NvidiaSmiReport {
  const root = parseXml(xml);
  if (root.name !== 'nvidia_smi_log') throw new XmlSyntaxError(`expected the root element <nvidia_smi_log>, found <${root.name}>`, 1);
  const report: NvidiaSmiReport = { gpus: childElements(root, 'gpu').map(readGpu) };
  const driver = textAt(root, 'driver_version');
  const cuda = textAt(root, 'cuda_version');
  if (driver !== undefined) report.driverVersion = driver;
  if (cuda !== undefined) report.cudaVersion = cuda;
  return report;
}

function readGpu(element: XmlElement): GpuInfo {
  const gpu: GpuInfo = { fields: {}, migDevices: [] };
  if (element.attributes.id !== undefined) gpu.pciBusId = element.attributes.id.trim();
  for (const [path] of [...GPU_FIELDS, ...UPSTREAM_FIRST_GPU_FIELDS]) {
    const value = textAt(element, path);
    if (value !== undefined) gpu.fields[path] = value;
  }
  // `<mig_devices>` holds the text "None" when MIG is off, `<mig_device>` children when on.
  const migDevices = childElement(element, 'mig_devices');
  for (const device of migDevices ? childElements(migDevices, 'mig_device') : []) {
    const info: MigDeviceInfo = {};
    const index = textAt(device, 'index');
    if (index !== undefined) info.index = index;
    for (const [field, path] of MIG_FIELDS) {
      const value = textAt(device, path);
      if (value !== undefined) info[field] = value;
    }
    gpu.migDevices.push(info);
  }
  return gpu;
}

/**
 * The GPU measurement for a parsed report: `smi` with upstream's keys, then `gpu-<n>` per GPU.
 * Elements missing from the XML produce no reading (upstream writes "" instead).
 */
export function gpuMeasurement(report: NvidiaSmiReport): Measurement {
  const smi: Record<string, Reading> = { 'gpu-count': report.gpus.length };
  if (report.driverVersion !== undefined) smi.driver = report.driverVersion;
  if (report.cudaVersion !== undefined) smi['cuda-version'] = report.cudaVersion;
  const first = report.gpus[0];
  if (first) {
    for (const [path, key] of UPSTREAM_FIRST_GPU_FIELDS) {
      const value = first.fields[path];
      if (value !== undefined) smi[key] = value;
    }
  }
  const subtypes: Subtype[] = [{ subtype: 'smi', data: smi }];
  report.gpus.forEach((gpu, position) => {
    const data: Record<string, Reading> = {};
    if (gpu.pciBusId !== undefined) data['pci-bus-id'] = gpu.pciBusId;
    for (const [path, key] of GPU_FIELDS) {
      const value = gpu.fields[path];
      if (value !== undefined) data[key] = value;
    }
    data['mig-device-count'] = gpu.migDevices.length;
    gpu.migDevices.forEach((device, m) => {
      if (device.index !== undefined) data[`mig.${m}.index`] = device.index;
      for (const [field, , key] of MIG_FIELDS) {
        const value = device[field];
        if (value !== undefined) data[`mig.${m}.${key}`] = value;
      }
    });
    subtypes.push({ subtype: `gpu-${position}`, data });
  });
  return { type: 'GPU', subtypes };
}

/** The GPU collector. nvidia-smi missing, failing or printing bad XML ⇒ unavailable, with the reason. */
export function gpuCollector(options: GpuCollectorOptions = {}): Collector {
  const command = options.command ?? 'nvidia-smi';
  return {
    name: 'gpu',
    async collect(context: CollectorContext): Promise<CollectorResult> {
      const outcome = await runCommand(command, ['-q', '-x'], {
        env: context.env,
        signal: context.signal,
        timeoutMs: options.timeoutMs ?? 10_000,
        maxBytes: 32 * 1024 * 1024,
      });
      if (!outcome.ok) return { status: 'unavailable', reason: outcome.reason };
      let report: NvidiaSmiReport;
      try {
        report = parseNvidiaSmiXml(outcome.stdout);
      } catch (error) {
        return { status: 'unavailable', reason: `${command} -q -x printed XML that could not be read: ${(error as Error).message}` };
      }
      context.logger.debug(`nvidia-smi: driver ${report.driverVersion ?? '?'}, CUDA ${report.cudaVersion ?? '?'}, ${report.gpus.length} GPU(s)`);
      return { status: 'collected', measurements: [gpuMeasurement(report)] };
    },
  };
}
