// Bundle-time validations (upstream pkg/bundler/validations at 2026-08-21): per function a case
// that passes and one that fails with upstream's message, and the severity rules.
import { describe, expect, it } from 'vitest';
import type { ComponentConfig } from '../../../src/core/documents/types.js';
import { AicrError, exitCodeFor, formatError } from '../../../src/core/errors.js';
import { renderOptionRefs } from '../../../src/core/option-refs.js';
import { findingsOf } from '../../../src/core/bundle/validations/index.js';
import { toCodeQuality } from '../../../src/core/bundle/validations/report.js';
import type { BundleOptions, GeneratedBundle } from '../../../src/core/bundle/index.js';
import type { RecipeResult } from '../../../src/core/documents/types.js';
import { bundle, helmRef, recipeOf, registryCatalog } from './registry-support.js';

const AKS_MESSAGE =
  'AKS admission collapses a pod\'s tolerations to just the wildcard, which deadlocks nodewright packages that declare interrupts on first install (NVIDIA/nodewright#296). Pass keyed tolerations instead, e.g. --accelerated-node-toleration nvidia.com/gpu:NoSchedule.';

/** Upstream's registry entries for the components the checks involve (validations as upstream declares them). */
const REGISTRY: ComponentConfig[] = [
  {
    name: 'gpu-operator',
    displayName: 'gpu-operator',
    valueOverrideKeys: ['gpuoperator'],
    validations: [
      {
        function: 'CheckHostMofedWithoutNetworkOperator',
        severity: 'warning',
        conditions: { service: ['aks'] },
        message: 'network-operator disabled: keep driver.rdma.useHostMofed=false (the AKS default); set true only with host-preinstalled MOFED.',
      },
      { function: 'CheckDriverOwnershipCoherence', severity: 'error' },
    ],
  },
  { name: 'network-operator', displayName: 'network-operator', valueOverrideKeys: ['networkoperator'] },
  { name: 'nvidia-dra-driver-gpu', displayName: 'nvidia-dra-driver-gpu', valueOverrideKeys: ['dradriver'] },
  {
    name: 'nodewright-customizations',
    displayName: 'nodewright-customizations',
    valueOverrideKeys: ['nodewrightcustomizations', 'skyhookcustomizations'],
    validations: [
      { function: 'CheckWorkloadSelectorMissing', severity: 'warning', conditions: { intent: ['training'] }, message: 'This may cause nodewright to evict running training jobs. Consider setting --workload-selector to prevent eviction.' },
      { function: 'CheckAcceleratedSelectorMissing', severity: 'info', conditions: { intent: ['training', 'inference'] }, message: 'Without this selector, the customization will run on all nodes.' },
      { function: 'CheckWildcardAcceleratedToleration', severity: 'error', conditions: { service: ['aks'] }, message: AKS_MESSAGE },
    ],
  },
  {
    name: 'nvsentinel',
    displayName: 'nvsentinel',
    valueOverrideKeys: ['nv-sentinel'],
    validations: [
      { function: 'CheckNVSentinelDriverLabelDetectable', severity: 'error' },
      { function: 'CheckNVSentinelRuntimeClassCoherence', severity: 'error' },
    ],
  },
  { name: 'mariadb-operator', displayName: 'mariadb-operator', validations: [{ function: 'CheckMariaDBOperatorOwnershipCoherence', severity: 'warning' }] },
  { name: 'mariadb-operator-crds', displayName: 'mariadb-operator-crds' },
  { name: 'slurm-accounting-mariadb', displayName: 'slurm-accounting-mariadb' },
  { name: 'slinky-slurm', displayName: 'slinky-slurm', valueOverrideKeys: ['slinkyslurm'] },
];

const catalog = () => registryCatalog(REGISTRY);

async function blocked(recipe: RecipeResult, options: Partial<BundleOptions> = {}): Promise<string> {
  const error = await bundle(await catalog(), recipe, options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, 'expected the bundle to be blocked').toBeInstanceOf(AicrError);
  expect(exitCodeFor(error)).toBe(2);
  return formatError(error);
}

const rendered = (generated: GeneratedBundle) => generated.notes.map((note) => renderOptionRefs(note));

describe('CheckWorkloadSelectorMissing / CheckAcceleratedSelectorMissing', () => {
  it('warn with the registry message when the selector is missing and the intent matches', async () => {
    const generated = await bundle(await catalog(), recipeOf([helmRef('nodewright-customizations')], { service: 'eks', intent: 'training' }));
    expect(rendered(generated)).toContain(
      'nodewright-customizations is enabled but --workload-selector is not set. This may cause nodewright to evict running training jobs. Consider setting --workload-selector to prevent eviction.',
    );
    expect(generated.plan.validationFindings).toEqual([expect.objectContaining({ component: 'nodewright-customizations', function: 'CheckWorkloadSelectorMissing', severity: 'warning' })]);
    // severity info: never surfaced.
    expect(rendered(generated).join('\n')).not.toContain('--accelerated-node-selector is not set');
  });

  it('a recipe that leaves a field open meets every condition on it (as upstream): no service means the AKS check applies', async () => {
    expect(await blocked(recipeOf([helmRef('nodewright-customizations')], { intent: 'inference' }))).toContain('renders a wildcard (keyless) accelerated-node toleration');
  });

  it('pass with the selector set, or when the condition does not hold', async () => {
    const withSelector = await bundle(await catalog(), recipeOf([helmRef('nodewright-customizations')], { service: 'eks', intent: 'training' }), { workloadSelector: { app: 'train' } });
    expect(withSelector.plan.validationFindings).toEqual([]);
    const inference = await bundle(await catalog(), recipeOf([helmRef('nodewright-customizations')], { service: 'eks', intent: 'inference' }));
    expect(inference.plan.validationFindings).toEqual([]);
    // A recipe without criteria meets no condition.
    const noCriteria = { ...recipeOf([helmRef('nodewright-customizations')]), criteria: undefined } as unknown as RecipeResult;
    expect((await bundle(await catalog(), noCriteria)).plan.validationFindings).toEqual([]);
  });

  it('an accelerated-selector check at warning severity reports its own finding', async () => {
    const registry = REGISTRY.map((entry) => (entry.name === 'nodewright-customizations' ? { ...entry, validations: [{ function: 'CheckAcceleratedSelectorMissing', severity: 'warning' as const }] } : entry));
    const generated = await bundle(await registryCatalog(registry), recipeOf([helmRef('nodewright-customizations')]));
    expect(rendered(generated)).toContain('nodewright-customizations is enabled but --accelerated-node-selector is not set');
    const set = await bundle(await registryCatalog(registry), recipeOf([helmRef('nodewright-customizations')]), { acceleratedNodeSelector: { gpu: 'true' } });
    expect(set.plan.validationFindings).toEqual([]);
  });
});

describe('CheckWildcardAcceleratedToleration (severity error on AKS)', () => {
  const aks = () => recipeOf([helmRef('nodewright-customizations')], { service: 'aks', intent: 'inference' });

  it('blocks the default (keyless) toleration with upstream\'s message, and a keyless one given explicitly', async () => {
    const message = await blocked(aks());
    expect(message).toContain(`nodewright-customizations renders a wildcard (keyless) accelerated-node toleration. ${AKS_MESSAGE}`);
    expect(await blocked(aks(), { acceleratedNodeToleration: ['nvidia.com/gpu:NoSchedule', ':NoSchedule'] })).toContain('renders a wildcard (keyless) accelerated-node toleration');
  });

  it('passes with keyed tolerations, off AKS, and when the component is disabled with --set', async () => {
    expect((await bundle(await catalog(), aks(), { acceleratedNodeToleration: ['nvidia.com/gpu:NoSchedule'] })).plan.validationFindings).toEqual([]);
    expect((await bundle(await catalog(), recipeOf([helmRef('nodewright-customizations')], { service: 'eks', intent: 'inference' }))).plan.validationFindings).toEqual([]);
    const withOther = recipeOf([helmRef('nodewright-customizations'), helmRef('network-operator')], { service: 'aks' });
    await expect(bundle(await catalog(), withOther, { set: ['skyhookcustomizations:enabled=false'] })).resolves.toBeDefined();
  });

  it('blocks before anything is generated, carrying the findings so far for reports', async () => {
    const error = await bundle(await catalog(), recipeOf([helmRef('nodewright-customizations')], { service: 'aks', intent: 'training' })).catch((caught: unknown) => caught);
    expect(findingsOf(error)?.map((finding) => [finding.function, finding.severity])).toEqual([
      ['CheckWorkloadSelectorMissing', 'warning'],
      ['CheckWildcardAcceleratedToleration', 'error'],
    ]);
  });
});

describe('CheckHostMofedWithoutNetworkOperator', () => {
  const recipe = () => recipeOf([helmRef('gpu-operator', { overrides: { driver: { enabled: true } } }), helmRef('network-operator'), helmRef('nvidia-dra-driver-gpu', { overrides: { nvidiaDriverRoot: '/run/nvidia/driver' } })], { service: 'aks' });

  it('warns when network-operator is disabled with --set and useHostMofed is not set to false', async () => {
    const generated = await bundle(await catalog(), recipe(), { set: ['networkoperator:enabled=false'] });
    expect(rendered(generated)).toContain(
      'gpu-operator: network-operator is disabled but driver.rdma.useHostMofed is not set to false — add --set gpuoperator:driver.rdma.useHostMofed=false to avoid MOFED-related errors. network-operator disabled: keep driver.rdma.useHostMofed=false (the AKS default); set true only with host-preinstalled MOFED.',
    );
  });

  it('passes with the override, or with network-operator left in', async () => {
    const fixed = await bundle(await catalog(), recipe(), { set: ['networkoperator:enabled=false', 'gpuoperator:driver.rdma.useHostMofed=false'] });
    expect(fixed.plan.validationFindings).toEqual([]);
    expect((await bundle(await catalog(), recipe())).plan.validationFindings).toEqual([]);
  });
});

describe('CheckDriverOwnershipCoherence', () => {
  const refs = (gpuOperator: Record<string, unknown>, draRoot?: string) => [
    helmRef('gpu-operator', { overrides: gpuOperator }),
    helmRef('nvidia-dra-driver-gpu', draRoot === undefined ? {} : { overrides: { nvidiaDriverRoot: draRoot } }),
  ];

  it('passes coherent operator-managed and preinstalled setups', async () => {
    expect((await bundle(await catalog(), recipeOf(refs({ driver: { enabled: true } }, '/run/nvidia/driver')))).plan.validationFindings).toEqual([]);
    expect((await bundle(await catalog(), recipeOf(refs({ driver: { enabled: false } }, '/'), {}, { gpuDriverState: 'preinstalled' }))).plan.validationFindings).toEqual([]);
  });

  it('blocks a preinstalled-driver setup for a cluster whose snapshot saw no driver (rule 1)', async () => {
    const message = await blocked(recipeOf(refs({ driver: { enabled: false } }, '/'), { service: 'eks' }, { gpuDriverState: 'absent' }));
    expect(message).toContain(
      'gpu-operator: the effective values assume a platform-preinstalled NVIDIA driver and container toolkit (driver.enabled=false and/or toolkit.enabled=false), but the snapshot that produced this recipe observed no NVIDIA kernel driver on the sampled GPU node. Deploying this bundle would leave GPU nodes driverless. Either reprovision the GPU nodes with a platform-installed NVIDIA driver, or bundle in GPU-Operator-managed mode: --set gpuoperator:driver.enabled=true --set gpuoperator:toolkit.enabled=true --set gpuoperator:operator.runtimeClass=nvidia --set dradriver:nvidiaDriverRoot=/run/nvidia/driver.',
    );
  });

  it('blocks a DRA driver root out of step with the operator-managed install dir (rule 2), and an undeclared one', async () => {
    expect(await blocked(recipeOf(refs({ driver: { enabled: true }, hostPaths: { driverInstallDir: '/opt/nvidia' } }, '/run/nvidia/driver')))).toContain(
      'gpu-operator: the operator-managed driver installs to hostPaths.driverInstallDir=/opt/nvidia but the DRA kubelet plugin reads nvidiaDriverRoot=/run/nvidia/driver; CDI spec generation will fail and DRA-allocated pods will stall in ContainerCreating. Fix with --set dradriver:nvidiaDriverRoot=/opt/nvidia',
    );
    expect(await blocked(recipeOf(refs({}, undefined)))).toContain(
      'gpu-operator: nvidiaDriverRoot is not declared for nvidia-dra-driver-gpu, so it falls to the DRA chart default (/), which cannot match the operator-managed driver install dir. Set --set dradriver:nvidiaDriverRoot=/run/nvidia/driver.',
    );
    expect(await blocked(recipeOf(refs({ driver: { enabled: false } }, '/run/nvidia/driver'), { service: 'gke', os: 'cos' }))).toContain(
      'gpu-operator: driver.enabled=false but nvidia-dra-driver-gpu still reads nvidiaDriverRoot=/run/nvidia/driver — nothing populates that path when the operator does not manage the driver.',
    );
  });

  it('blocks hostPaths.driverInstallDir=/, a quoted toggle and an unknown gpuDriverState', async () => {
    expect(await blocked(recipeOf(refs({ hostPaths: { driverInstallDir: '/' } }, '/')))).toContain('gpu-operator: hostPaths.driverInstallDir=/ is invalid');
    expect(await blocked(recipeOf(refs({ driver: { enabled: 'false' } }, '/')))).toContain('gpu-operator: driver.enabled=false (string) is not a boolean — the chart interpolates this value unquoted');
    expect(await blocked(recipeOf(refs({ driver: { enabled: true } }, '/run/nvidia/driver'), {}, { gpuDriverState: 'missing' }))).toContain(
      'gpu-operator: metadata.gpuDriverState="missing" is not a recognized value',
    );
  });
});

describe('CheckNVSentinelDriverLabelDetectable / CheckNVSentinelRuntimeClassCoherence', () => {
  const recipe = (gpuOperator: Record<string, unknown>, sentinel: Record<string, unknown> = {}) =>
    recipeOf([helmRef('gpu-operator', { overrides: gpuOperator }), helmRef('nvidia-dra-driver-gpu', { overrides: { nvidiaDriverRoot: '/' } }), helmRef('nvsentinel', { overrides: sentinel })], {}, { gpuDriverState: 'preinstalled' });

  it('blocks a node-image driver without labeler.assumeDriverInstalled', async () => {
    expect(await blocked(recipe({ driver: { enabled: false } }))).toContain(
      'nvsentinel: the effective values leave the NVIDIA driver to the node image (gpu-operator driver.enabled=false) and no driver pod the NVSentinel labeler can observe is deployed, but labeler.assumeDriverInstalled is not set. The labeler therefore never applies the nvsentinel.dgxc.nvidia.com/driver.installed node label, and metadata-collector, syslog-health-monitor-regular, syslog-health-monitor-kata come up with 0 desired pods',
    );
  });

  it('passes with the flag set, with both consumers disabled, or with an operator-managed driver', async () => {
    expect((await bundle(await catalog(), recipe({ driver: { enabled: false } }, { labeler: { assumeDriverInstalled: true } }))).plan.validationFindings).toEqual([]);
    const consumersOff = { global: { metadataCollector: { enabled: false }, syslogHealthMonitor: { enabled: false } } };
    expect((await bundle(await catalog(), recipe({ driver: { enabled: false } }, consumersOff))).plan.validationFindings).toEqual([]);
  });

  it('blocks a metadata-collector RuntimeClass the operator does not create; passes when aligned', async () => {
    const sentinel = { labeler: { assumeDriverInstalled: true } };
    expect(await blocked(recipe({ driver: { enabled: false }, operator: { runtimeClass: 'nvidia-container-runtime' } }, sentinel))).toContain(
      'nvsentinel: metadata-collector sets runtimeClassName="nvidia" but the GPU Operator creates its primary RuntimeClass as "nvidia-container-runtime" (gpu-operator operator.runtimeClass), so no RuntimeClass with that name will exist',
    );
    const aligned = { ...sentinel, 'metadata-collector': { runtimeClassName: 'nvidia-container-runtime' } };
    expect((await bundle(await catalog(), recipe({ driver: { enabled: false }, operator: { runtimeClass: 'nvidia-container-runtime' } }, aligned))).plan.validationFindings).toEqual([]);
  });
});

describe('CheckMariaDBOperatorOwnershipCoherence (severity warning, blocking evidence)', () => {
  // A coherent aicr-provided recipe: the gates the mode derives and the fixed connection contract (checked at bundle time).
  const storageConfig = { host: 'mariadb', port: 3306, database: 'slurm_acct_db', username: 'slurm', passwordKeyRef: { name: 'mariadb-password', key: 'password' } };
  const database = {
    install: true, fullnameOverride: 'mariadb', namespaceOverride: 'slurm', users: [], databases: [], grants: [],
    mariadb: {
      username: 'slurm', database: 'slurm_acct_db', cleanupPolicy: 'Skip',
      rootPasswordSecretKeyRef: { name: 'mariadb-root-password', key: 'root', generate: true },
      passwordSecretKeyRef: { name: 'mariadb-password', key: 'password', generate: true },
    },
  };
  const recipe = (state?: string) => {
    const result = recipeOf([
      helmRef('mariadb-operator-crds', { overrides: { install: true } }),
      helmRef('mariadb-operator', { overrides: { install: true } }),
      helmRef('slurm-accounting-mariadb', { overrides: database }),
      helmRef('slinky-slurm', { overrides: { accounting: { enabled: true, storageConfig } } }),
    ], { platform: 'slurm' }, state === undefined ? {} : { mariaDBOperatorState: state });
    return { ...result, apiVersion: 'aicr.run/v1beta2', configuration: { slurm: { accounting: { mode: 'aicr-provided' } } } } as RecipeResult;
  };

  it('warns without evidence and for a detected API; passes when absent or when accounting is not AICR-provided', async () => {
    expect(rendered(await bundle(await catalog(), recipe()))).toContain(
      'mariadb-operator: no metadata.mariaDBOperatorState snapshot evidence was recorded. Bundling AICR-provided accounting is allowed, but MariaDB Operator conflicts were not evaluated. Regenerate the recipe from a current snapshot to verify the target cluster before deployment',
    );
    expect(rendered(await bundle(await catalog(), recipe('api-detected'))).join('\n')).toContain('the snapshot detected the official MariaDB Operator API but no MariaDB resources');
    expect((await bundle(await catalog(), recipe('absent'))).plan.validationFindings).toEqual([]);
    expect((await bundle(await catalog(), recipeOf([helmRef('mariadb-operator')]))).plan.validationFindings).toEqual([]);
  });

  it('blocks existing resources and inconclusive evidence even at warning severity', async () => {
    expect(await blocked(recipe('crs-detected'))).toContain('mariadb-operator: the snapshot detected existing official MariaDB resources. AICR-provided accounting would install a competing database stack.');
    expect(await blocked(recipe('unknown'))).toContain('mariadb-operator: MariaDB Operator conflict evidence is inconclusive');
  });
});

describe('registry validations in general', () => {
  it('an unknown function name blocks the bundle (as upstream)', async () => {
    const registry = [{ name: 'x', displayName: 'x', validations: [{ function: 'CheckSomethingNew' }] }];
    const error = await bundle(await registryCatalog(registry), recipeOf([helmRef('x')])).catch((caught: unknown) => caught);
    expect(formatError(error)).toContain('component "x": unknown validation function "CheckSomethingNew" in the registry');
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const hostile = [{ name: 'x', displayName: 'x', validations: [{ function: name }] }];
      const caught = await bundle(await registryCatalog(hostile), recipeOf([helmRef('x')])).catch((failure: unknown) => failure);
      expect(formatError(caught)).toContain(`unknown validation function "${name}"`);
    }
  });

  it('writes findings as Code Quality issues: blockers and minor warnings, stable fingerprints, option names per door', () => {
    const findings = [
      { component: 'a', function: 'CheckWorkloadSelectorMissing', severity: 'warning' as const, message: 'a is enabled but \u{E000}workload-selector\u{E001} is not set' },
      { component: 'b', function: 'CheckWildcardAcceleratedToleration', severity: 'error' as const, message: 'b renders a wildcard' },
    ];
    const issues = toCodeQuality(findings, 'recipe.yaml');
    expect(issues.map((issue) => [issue.check_name, issue.severity, issue.description, issue.location])).toEqual([
      ['aicr-bundle/CheckWorkloadSelectorMissing', 'minor', 'a is enabled but --workload-selector is not set', { path: 'recipe.yaml', lines: { begin: 1 } }],
      ['aicr-bundle/CheckWildcardAcceleratedToleration', 'blocker', 'b renders a wildcard', { path: 'recipe.yaml', lines: { begin: 1 } }],
    ]);
    expect(toCodeQuality(findings, 'recipe.yaml')).toEqual(issues);
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(2);
  });
});

describe('GPU allocation-policy overrides', () => {
  it('warns for a --set of a policy key (or a map above it), under the name or an alias; not for other paths', async () => {
    const recipe = recipeOf([helmRef('gpu-operator', { overrides: { driver: { enabled: true } } }), helmRef('nvidia-dra-driver-gpu', { overrides: { nvidiaDriverRoot: '/run/nvidia/driver' } })]);
    const generated = await bundle(await catalog(), recipe, { set: ['gpuoperator:devicePlugin.enabled=false', 'dradriver:resources=x', 'gpuoperator:driver.version=1'] });
    expect(rendered(generated)).toEqual(expect.arrayContaining([
      'deprecated: bundle-time override of GPU allocation-policy key(s) devicePlugin.enabled on component "gpu-operator" — the allocation policy validators verify is resolved from the recipe, so a bundle-time change will be reported as recipe/cluster drift; move the allocation mode to a recipe overlay (issue #1327)',
      'deprecated: bundle-time override of GPU allocation-policy key(s) resources on component "nvidia-dra-driver-gpu" — the allocation policy validators verify is resolved from the recipe, so a bundle-time change will be reported as recipe/cluster drift; move the allocation mode to a recipe overlay (issue #1327)',
    ]));
    const quiet = await bundle(await catalog(), recipe, { set: ['gpuoperator:driver.version=1'] });
    expect(rendered(quiet).join('\n')).not.toContain('allocation-policy');
  });
});
