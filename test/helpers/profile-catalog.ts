/**
 * Small catalogs for configuration-profile tests, modelled on upstream's AKS overlay
 * (recipes/overlays/aks.yaml, `gpuStack`) and its pkg/recipe/testdata/profile-overlay fixture.
 */
import { writeTree } from './catalog.js';

const API = 'aicr.nvidia.com/v1alpha1';

/** Upstream aks.yaml's gpuStack declaration (facts only: values, paths, constraints). */
export function gpuStackProfile(): Record<string, unknown> {
  return {
    name: 'gpuStack',
    description: 'Who installs the GPU driver and container toolkit.',
    default: 'azure-managed',
    values: {
      'azure-managed': {
        componentRefs: [
          { name: 'gpu-operator', overrides: { driver: { enabled: false }, toolkit: { enabled: false }, operator: { runtimeClass: 'nvidia-container-runtime' } } },
          { name: 'nvidia-dra-driver-gpu', overrides: { nvidiaDriverRoot: '/' } },
          { name: 'nvsentinel', overrides: { labeler: { assumeDriverInstalled: true }, 'metadata-collector': { runtimeClassName: 'nvidia-container-runtime' } } },
        ],
        constraints: [{ name: 'K8s.aks-gpu-pools.gpu-driver', value: 'Install' }],
      },
      'operator-managed': {
        componentRefs: [
          { name: 'gpu-operator', overrides: { driver: { enabled: true }, toolkit: { enabled: true }, operator: { runtimeClass: 'nvidia' } } },
          { name: 'nvidia-dra-driver-gpu', overrides: { nvidiaDriverRoot: '/run/nvidia/driver' } },
          { name: 'nvsentinel', overrides: { labeler: { assumeDriverInstalled: false }, 'metadata-collector': { runtimeClassName: 'nvidia' } } },
        ],
        constraints: [{ name: 'K8s.aks-gpu-pools.gpu-driver', value: 'None' }],
      },
    },
  };
}

const helm = (chart: string, namespace: string) => ({
  defaultRepository: 'https://helm.ngc.nvidia.com/nvidia',
  defaultChart: `nvidia/${chart}`,
  defaultVersion: 'v1.0.0',
  defaultNamespace: namespace,
});

/**
 * A whole catalog: base with three NVIDIA components, an `aks` overlay declaring gpuStack, an
 * `aks-training` leaf. `extra` adds or replaces files; `aksSpec` merges into aks.yaml's spec.
 */
export function aksProfileCatalog(options: { profile?: unknown; aksSpec?: Record<string, unknown>; extra?: Record<string, unknown> } = {}): string {
  const profile = options.profile === undefined ? gpuStackProfile() : options.profile;
  return writeTree({
    'registry.yaml': {
      apiVersion: API,
      kind: 'ComponentRegistry',
      components: [
        { name: 'gpu-operator', valueOverrideKeys: ['gpuoperator'], helm: helm('gpu-operator', 'gpu-operator') },
        { name: 'nvidia-dra-driver-gpu', valueOverrideKeys: ['dradriver'], helm: helm('nvidia-dra-driver-gpu', 'nvidia-dra-driver') },
        { name: 'nvsentinel', helm: helm('nvsentinel', 'nvsentinel') },
      ],
    },
    'components/gpu-operator/values.yaml': 'driver:\n  enabled: true\n  version: 580.105.08\ntoolkit:\n  enabled: true\noperator:\n  runtimeClass: nvidia\n',
    'overlays/base.yaml': {
      kind: 'RecipeMetadata',
      apiVersion: API,
      metadata: { name: 'base' },
      spec: {
        constraints: [{ name: 'K8s.server.version', value: '>= 1.30' }],
        componentRefs: [
          { name: 'gpu-operator', type: 'Helm', valuesFile: 'components/gpu-operator/values.yaml' },
          { name: 'nvidia-dra-driver-gpu', type: 'Helm' },
          { name: 'nvsentinel', type: 'Helm' },
        ],
      },
    },
    'overlays/aks.yaml': {
      kind: 'RecipeMetadata',
      apiVersion: API,
      metadata: { name: 'aks' },
      spec: {
        criteria: { service: 'aks' },
        constraints: [{ name: 'K8s.server.version', value: '>= 1.34' }],
        ...(profile === null ? {} : { profile }),
        componentRefs: [{ name: 'nvidia-dra-driver-gpu', type: 'Helm', overrides: { nvidiaDriverRoot: '/', controller: { affinity: { nodeAffinity: null } } } }],
        ...options.aksSpec,
      },
    },
    'overlays/aks-training.yaml': {
      kind: 'RecipeMetadata',
      apiVersion: API,
      metadata: { name: 'aks-training' },
      spec: { base: 'aks', criteria: { service: 'aks', intent: 'training' } },
    },
    'overlays/eks.yaml': {
      kind: 'RecipeMetadata',
      apiVersion: API,
      metadata: { name: 'eks' },
      spec: { criteria: { service: 'eks' } },
    },
    ...options.extra,
  });
}

/** Upstream's profile-overlay fixture: a --data layer shadowing the embedded EKS kubeflow leaf with a profile. */
export function profileOverlayData(): string {
  return writeTree({
    'registry.yaml': { kind: 'ComponentRegistry', apiVersion: 'aicr.run/v1beta1', components: [] },
    'overlays/h100-eks-ubuntu-training-kubeflow.yaml': {
      kind: 'RecipeMetadata',
      apiVersion: API,
      metadata: { name: 'h100-eks-ubuntu-training-kubeflow' },
      spec: {
        base: 'h100-eks-ubuntu-training',
        criteria: { service: 'eks', accelerator: 'h100', os: 'ubuntu', intent: 'training', platform: 'kubeflow' },
        mixins: ['platform-kubeflow'],
        profile: {
          name: 'gpuStack',
          description: 'Which component owns the GPU driver lifecycle.',
          default: 'preinstalled',
          values: {
            preinstalled: {
              componentRefs: [
                { name: 'gpu-operator', overrides: { driver: { enabled: false } } },
                { name: 'nvidia-dra-driver-gpu', overrides: { nvidiaDriverRoot: '/' } },
              ],
            },
            'operator-managed': {
              componentRefs: [
                { name: 'gpu-operator', overrides: { driver: { enabled: true } } },
                { name: 'nvidia-dra-driver-gpu', overrides: { nvidiaDriverRoot: '/run/nvidia/driver' } },
              ],
            },
          },
        },
      },
    },
  });
}
