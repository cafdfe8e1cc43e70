/**
 * Driver-ownership coherence of gpu-operator (or its OCP variant) on the final values:
 * a preinstalled-driver setup bundled for a cluster whose snapshot saw no driver, a driver
 * install directory of "/", and the DRA driver root out of step with who installs the driver.
 */
import { optionRef } from '../../option-refs.js';
import type { CheckResult, ValidationContext } from './types.js';
import { describe, isMap, ownershipToggle, selectedProfile, type Values } from './values.js';

/** Where the operator-managed driver lives on the host. */
const OPERATOR_DRIVER_ROOT = '/run/nvidia/driver';
const GKE_MANAGED_DRIVER_ROOT = '/home/kubernetes/bin/nvidia';
const DRA_COMPONENTS = ['nvidia-dra-driver-gpu', 'nvidia-dra-driver-gpu-ocp'];
const DRA_NAME = 'nvidia-dra-driver-gpu';

function operatorManagedSet(): string {
  const set = optionRef('set');
  return `${set} gpuoperator:driver.enabled=true ${set} gpuoperator:toolkit.enabled=true ${set} gpuoperator:operator.runtimeClass=nvidia ${set} dradriver:nvidiaDriverRoot=/run/nvidia/driver`;
}

function gkeOperatorManagedSet(): string {
  return `${operatorManagedSet()} ${optionRef('set')} gpuoperator:hostPaths.driverInstallDir=/run/nvidia/driver`;
}

function legacyRecipeRemedy(service: string, os: string): string {
  const cos = `On GKE COS node images the GPU Operator cannot install the driver, so the GPU-Operator-managed override set is not available there; if the GPU nodes use the GKE-managed driver install, retarget the DRA driver root instead: ${optionRef('set')} dradriver:nvidiaDriverRoot=${GKE_MANAGED_DRIVER_ROOT}.`;
  if (service !== 'gke') return `Or supply the full GPU-Operator-managed override set: ${operatorManagedSet()}.`;
  if (os === 'cos') return cos;
  if (os === 'ubuntu') return `Or supply the full GPU-Operator-managed override set: ${gkeOperatorManagedSet()}.`;
  return `${cos} On GKE Ubuntu node images the GPU Operator can manage the driver, so those may instead supply the full GPU-Operator-managed override set: ${gkeOperatorManagedSet()}.`;
}

function driverAbsentRemedy(service: string, os: string, profiled: boolean): string {
  if (service === 'aks') {
    if (!profiled) return `Either recreate the GPU node pools without --gpu-driver none (AKS installs the NVIDIA driver by default), or bundle in GPU-Operator-managed mode: ${operatorManagedSet()}.`;
    return 'Either repair the AKS-managed driver install (recreate the GPU node pools without --gpu-driver none; AKS installs the NVIDIA driver by default) and recapture the snapshot, or switch to operator-managed mode end to end: recreate the pools WITH --gpu-driver none, recapture the snapshot, and regenerate with --profile gpuStack=operator-managed. The operator-managed value\'s constraint requires the pools to read gpu-driver=None, so regenerating against the current snapshot alone fails closed; and the gpuStack profile owns the driver-ownership paths, so flipping them via per-path --set overrides is rejected.';
  }
  if (service === 'gke') {
    if (os === 'cos') {
      return 'On GKE COS node images the GPU Operator cannot install the driver. With the default gke-default gpuStack profile (opt-out label absent) provision the GPU node pools with the GKE-managed driver install (node pool gpu-driver-version=default). With --profile gpuStack=driver-installer (pools labeled gke-no-default-nvidia-gpu-device-plugin=true) the label forfeits the managed install — deploy Google\'s standalone nvidia-driver-installer DaemonSet and create the pools with gpu-driver-version=disabled instead; see docs/integrator/gke-gpu-setup.md.';
    }
    if (os === 'ubuntu') return `On GKE Ubuntu node images the GPU Operator can manage the driver: bundle in GPU-Operator-managed mode: ${gkeOperatorManagedSet()}.`;
    return `On GKE COS node images the GPU Operator cannot install the driver: provision the GPU node pools with the GKE-managed driver install (node pool gpu-driver-version) instead. On GKE Ubuntu node images the GPU Operator can manage the driver, so those may bundle in GPU-Operator-managed mode: ${gkeOperatorManagedSet()}.`;
  }
  return `Either reprovision the GPU nodes with a platform-installed NVIDIA driver, or bundle in GPU-Operator-managed mode: ${operatorManagedSet()}.`;
}

/** hostPaths.driverInstallDir: the directory, whether it was declared, and why it cannot be trusted. */
function installDirOf(values: Values, component: string): { dir: string; declared: boolean; problems: string[] } {
  const fallback = { dir: OPERATOR_DRIVER_ROOT, declared: false, problems: [] as string[] };
  if (!Object.prototype.hasOwnProperty.call(values, 'hostPaths')) return fallback;
  const hostPaths = values.hostPaths;
  if (hostPaths === null) {
    return { ...fallback, problems: [`${component}: hostPaths is explicitly null — Helm deletes a null key together with its chart defaults, so the chart's unconditional hostPaths.* field accesses fail at install. Remove the null override or set hostPaths.driverInstallDir to a real path.`] };
  }
  if (!isMap(hostPaths)) {
    return { ...fallback, problems: [`${component}: hostPaths=${describe(hostPaths)} is not a map, so hostPaths.driverInstallDir cannot be read and driver-root coherence cannot be verified.`] };
  }
  if (!Object.prototype.hasOwnProperty.call(hostPaths, 'driverInstallDir')) return fallback;
  const raw = hostPaths.driverInstallDir;
  if (typeof raw !== 'string') {
    return {
      ...fallback,
      problems: [`${component}: hostPaths.driverInstallDir=${describe(raw)} is not a string — the ClusterPolicy CRD requires a string path, so this value fails at install while the coherence check would otherwise validate against the substituted default. Set a string path (e.g. ${OPERATOR_DRIVER_ROOT}) or remove the override.`],
    };
  }
  if (raw === '') return fallback;
  const cleaned = cleanPath(raw);
  if (!cleaned.startsWith('/')) {
    return { ...fallback, problems: [`${component}: hostPaths.driverInstallDir=${JSON.stringify(raw)} is not an absolute path — the operator renders it into host-path mounts, which require absolute paths, so no node can mount it. Set an absolute path such as ${OPERATOR_DRIVER_ROOT}.`] };
  }
  return { dir: cleaned, declared: true, problems: [] };
}

/** Go's path.Clean for the cases that matter here: repeated and trailing slashes, "." and "..". */
function cleanPath(text: string): string {
  const absolute = text.startsWith('/');
  const out: string[] = [];
  for (const part of text.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

function draRootOf(values: Values, component: string): { root: string; declared: boolean; problems: string[] } {
  if (!Object.prototype.hasOwnProperty.call(values, 'nvidiaDriverRoot')) return { root: '', declared: false, problems: [] };
  const raw = values.nvidiaDriverRoot;
  if (typeof raw !== 'string') {
    return {
      root: '',
      declared: false,
      problems: [`${component}: ${DRA_NAME} nvidiaDriverRoot=${describe(raw)} is not a string — the DRA chart pipes this value through path template functions, so a non-string fails Helm rendering. Set a string path (the preinstalled-driver profile uses "/"; the operator-managed profile uses the driver install dir) or remove the override to use the chart default.`],
    };
  }
  if (raw === '') {
    return {
      root: '',
      declared: false,
      problems: [`${component}: ${DRA_NAME} nvidiaDriverRoot is declared as an empty string — the DRA chart renders it verbatim into host paths (it is NOT treated as the absent-key default), producing empty/relative mounts. Set a real path or remove the override.`],
    };
  }
  const cleaned = cleanPath(raw);
  if (!cleaned.startsWith('/')) {
    return {
      root: '',
      declared: false,
      problems: [`${component}: ${DRA_NAME} nvidiaDriverRoot=${JSON.stringify(raw)} is not an absolute path — the DRA chart renders it into kubelet-plugin host-path mounts, which require absolute paths. Set an absolute path (the preinstalled-driver profile uses "/"; the operator-managed profile uses the driver install dir).`],
    };
  }
  return { root: cleaned, declared: true, problems: [] };
}

function draViolations(context: ValidationContext, driverEnabled: boolean, installDir: string, installDirTrusted: boolean, service: string, os: string): string[] {
  const draName = DRA_COMPONENTS.find((name) => context.included.has(name));
  if (draName === undefined) return [];
  const { root, declared, problems } = draRootOf(context.included.get(draName)!.values, context.component);
  if (problems.length > 0 || !installDirTrusted) return problems;
  const keys = context.keysOf(draName);
  const key = keys[keys.length - 1]!;
  const set = optionRef('set');
  if (driverEnabled && declared && root !== installDir) {
    return [
      `${context.component}: the operator-managed driver installs to hostPaths.driverInstallDir=${installDir} but the DRA kubelet plugin reads nvidiaDriverRoot=${root}; CDI spec generation will fail and DRA-allocated pods will stall in ContainerCreating. Fix with ${set} ${key}:nvidiaDriverRoot=${installDir} (or, on a cluster with a platform-preinstalled driver, the full preinstalled-driver profile).`,
    ];
  }
  if (driverEnabled && !declared) {
    return [`${context.component}: nvidiaDriverRoot is not declared for ${draName}, so it falls to the DRA chart default (/), which cannot match the operator-managed driver install dir. Set ${set} ${key}:nvidiaDriverRoot=${installDir}.`];
  }
  if (!driverEnabled && root === OPERATOR_DRIVER_ROOT) {
    return [
      `${context.component}: driver.enabled=false but ${DRA_NAME} still reads nvidiaDriverRoot=${OPERATOR_DRIVER_ROOT} — nothing populates that path when the operator does not manage the driver. This is commonly the signature of a recipe generated before the preinstalled-driver default flip: regenerate the recipe (aicr recipe ...) for this AICR version. ${legacyRecipeRemedy(service, os)}`,
    ];
  }
  return [];
}

export function checkDriverOwnershipCoherence(context: ValidationContext): CheckResult {
  const own = context.included.get(context.component);
  if (!own) return {};
  const findings: string[] = [];
  const recorded = typeof context.metadata.gpuDriverState === 'string' ? context.metadata.gpuDriverState : '';
  if (recorded !== '' && recorded !== 'preinstalled' && recorded !== 'absent') {
    findings.push(
      `${context.component}: metadata.gpuDriverState=${JSON.stringify(recorded)} is not a recognized value — expected "preinstalled", "absent", or empty (unknown). The driverless-cluster rule keys on this field, so an unrecognized spelling would silently disarm it. Fix the field or regenerate the recipe (aicr recipe ...) with this AICR version.`,
    );
  }
  const service = String(context.criteria?.service ?? '');
  const os = String(context.criteria?.os ?? '');
  const driver = ownershipToggle(own.values, 'driver');
  const toolkit = ownershipToggle(own.values, 'toolkit');
  const toggleProblems = [driver.problem, toolkit.problem].filter((problem): problem is string => problem !== undefined);
  if (toggleProblems.length > 0) {
    const set = optionRef('set');
    for (const problem of toggleProblems) {
      findings.push(
        `${context.component}: ${problem} — the chart interpolates this value unquoted into the ClusterPolicy, so YAML re-types it at install time (a string "false" deploys as boolean false) and driver ownership cannot be verified. Set a bare boolean instead, e.g. ${set} gpuoperator:driver.enabled=false or --set-json gpuoperator:driver.enabled=false (no quotes around the value).`,
      );
    }
    return { findings };
  }
  const driverEnabled = driver.enabled ?? true;
  const toolkitDisabled = toolkit.enabled === false;
  if (recorded === 'absent' && (!driverEnabled || toolkitDisabled)) {
    findings.push(
      `${context.component}: the effective values assume a platform-preinstalled NVIDIA driver and container toolkit (driver.enabled=false and/or toolkit.enabled=false), but the snapshot that produced this recipe observed no NVIDIA kernel driver on the sampled GPU node. Deploying this bundle would leave GPU nodes driverless. ${driverAbsentRemedy(service, os, selectedProfile(context.metadata) !== undefined)}`,
    );
  }
  const install = installDirOf(own.values, context.component);
  findings.push(...install.problems);
  if (install.declared && install.dir === '/') {
    findings.push(
      `${context.component}: hostPaths.driverInstallDir=/ is invalid — it is a mount destination the operator-validator bind-mounts as a container rootfs target, and runc rejects a mount whose destination is / ("mountpoint is on the top of rootfs", the issue #1106 regression). Point it at a dedicated host directory such as ${OPERATOR_DRIVER_ROOT}.`,
    );
  }
  findings.push(...draViolations(context, driverEnabled, install.dir, install.problems.length === 0, service, os));
  return { findings };
}
