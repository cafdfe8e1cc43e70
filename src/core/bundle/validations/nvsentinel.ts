/**
 * NVSentinel against the GPU Operator it runs beside: the driver-installed node label its
 * labeler must be able to apply, and the RuntimeClass its metadata-collector asks for.
 */
import { optionRef } from '../../option-refs.js';
import type { CheckResult, ValidationContext } from './types.js';
import { helmTruthy, isMap, ownershipToggle, selectedProfile, stringAt, type Values } from './values.js';

const GPU_OPERATORS = ['gpu-operator', 'gpu-operator-ocp'];
const DEFAULT_RUNTIME_CLASS = 'nvidia';
const COLLECTOR_RUNTIME_CLASS_PATH = 'metadata-collector.runtimeClassName';
const DRIVER_LABEL_PATH = 'labeler.assumeDriverInstalled';

function gpuOperator(context: ValidationContext): { name: string; values: Values } | undefined {
  for (const name of GPU_OPERATORS) {
    const component = context.included.get(name);
    if (component) return { name, values: component.values };
  }
  return undefined;
}

/** `global.<key>.enabled` is the boolean false. */
function consumerDisabled(values: Values, key: string): boolean {
  const global = values.global;
  if (!isMap(global)) return false;
  const section = global[key];
  return isMap(section) && section.enabled === false;
}

/** GKE COS with the driver-installer gpuStack profile runs a driver pod the labeler sees. */
function labelerObservesDriverPod(context: ValidationContext): boolean {
  if (context.criteria?.service !== 'gke' || context.criteria.os !== 'cos') return false;
  const selected = selectedProfile(context.metadata);
  return selected?.name === 'gpuStack' && selected.value === 'driver-installer';
}

export function checkNVSentinelDriverLabelDetectable(context: ValidationContext): CheckResult {
  const sentinel = context.included.get(context.component);
  const operator = gpuOperator(context);
  if (!sentinel || !operator) return {};
  const driver = ownershipToggle(operator.values, 'driver');
  // A malformed toggle is the driver-ownership check's to report.
  if (driver.problem !== undefined) return {};
  if (driver.enabled === undefined || driver.enabled) return {};
  if (labelerObservesDriverPod(context)) return {};
  const values = sentinel.values;
  const labeler = values.labeler;
  const remedy = isMap(labeler) && Object.prototype.hasOwnProperty.call(labeler, 'assumeDriverInstalled') && helmTruthy(labeler.assumeDriverInstalled);
  if (remedy) return {};
  const collectorOff = consumerDisabled(values, 'metadataCollector');
  const syslogOff = consumerDisabled(values, 'syslogHealthMonitor');
  if (collectorOff && syslogOff) return {};
  const affected = [...(collectorOff ? [] : ['metadata-collector']), ...(syslogOff ? [] : ['syslog-health-monitor-regular', 'syslog-health-monitor-kata'])];
  return {
    findings: [
      `${context.component}: the effective values leave the NVIDIA driver to the node image (${operator.name} driver.enabled=false) and no driver pod the NVSentinel labeler can observe is deployed, but ${DRIVER_LABEL_PATH} is not set. The labeler therefore never applies the nvsentinel.dgxc.nvidia.com/driver.installed node label, and ${affected.join(', ')} come up with 0 desired pods — silently: a DaemonSet that matches no node reports no error and emits no event, and gpu-health-monitor stays healthy because it selects on the DCGM label instead, so the stack looks fully rolled out. Set the documented upstream flag at bundle time: ${optionRef('set')} nv-sentinel:${DRIVER_LABEL_PATH}=true. Note that labeling the nodes by hand does not persist — the labeler removes the label on its next reconcile. Do not set the flag where the GPU Operator installs the driver: it skips driver-pod detection entirely and would mask an unloaded driver.`,
    ],
  };
}

export function checkNVSentinelRuntimeClassCoherence(context: ValidationContext): CheckResult {
  const sentinel = context.included.get(context.component);
  const operator = gpuOperator(context);
  if (!sentinel || !operator) return {};
  const operatorClass = stringAt(operator.values, 'operator.runtimeClass');
  if (!operatorClass.valid) return {};
  const expected = operatorClass.present && operatorClass.value !== '' ? operatorClass.value : DEFAULT_RUNTIME_CLASS;
  // A disabled collector renders no pods to reject.
  if (consumerDisabled(sentinel.values, 'metadataCollector')) return {};
  const collector = stringAt(sentinel.values, COLLECTOR_RUNTIME_CLASS_PATH);
  if (!collector.valid) return {};
  const actual = collector.present ? collector.value : DEFAULT_RUNTIME_CLASS;
  if (actual === '' || actual === expected) return {};
  return {
    findings: [
      `${context.component}: metadata-collector sets runtimeClassName=${JSON.stringify(actual)} but the GPU Operator creates its primary RuntimeClass as ${JSON.stringify(expected)} (${operator.name} operator.runtimeClass), so no RuntimeClass with that name will exist and the API server rejects every metadata-collector pod at admission (\`pod rejected: RuntimeClass ${JSON.stringify(actual)} not found\`). The DaemonSet then shows desired pods but zero created — no pod object ever exists, so there is nothing to kubectl describe; the only signal is a FailedCreate event on the DaemonSet. Align the collector with the operator's runtime class at bundle time: ${optionRef('set')} nv-sentinel:${COLLECTOR_RUNTIME_CLASS_PATH}=${expected}.`,
    ],
  };
}
