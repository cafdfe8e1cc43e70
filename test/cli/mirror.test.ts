// `aicr mirror list`: charts rendered by the real helm from a chart repository the test serves on
// 127.0.0.1, the same list from a recipe and from its bundles (plain and vendored), upstream's
// Hauler and Zarf shapes, and offline lists of the embedded catalog's recipes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/catalog.js';
import { serveChartRepository, type ChartRepository } from '../helpers/chart-repo.js';
import { FIXTURE_DATA, helmBinary } from '../core/bundle/support.js';

const helm = helmBinary();
if (!helm.path) console.warn(`SKIPPED mirror list tests that render charts: ${helm.reason}`);
const withHelm = () => ({ PATH: `${dirname(helm.path!)}:${process.env.PATH}`, HOME: tempDir('aicr-home-') });

describe.skipIf(!helm.path)('aicr mirror list, charts rendered with helm', () => {
  let server: ChartRepository;
  let repoUrl = '';
  // A data directory whose gpu-operator manifest takes its image tag from the component values.
  const data = tempDir('aicr-mirror-data-');
  mkdirSync(join(data, 'components', 'gpu-operator', 'manifests'), { recursive: true });
  writeFileSync(join(data, 'registry.yaml'), readFileSync(join(FIXTURE_DATA, 'registry.yaml'), 'utf8'));
  writeFileSync(join(data, 'components', 'gpu-operator', 'manifests', 'peermem.yaml'), 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: peermem\nspec:\n  template:\n    spec:\n      containers:\n        - name: reloader\n          image: nvcr.io/nvidia/peermem-reloader:{{ index .Values "gpu-operator" "peermem" "tag" }}\n');

  beforeAll(async () => {
    // A chart whose images come from its values: a scalar image, a repository/tag mapping, and
    // an optional sidecar that only a value switches on.
    const chart = join(tempDir('aicr-mirror-chart-'), 'gpu-operator');
    mkdirSync(join(chart, 'templates'), { recursive: true });
    writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: gpu-operator\nversion: v25.3.0\n');
    writeFileSync(join(chart, 'values.yaml'), 'operator:\n  image: nvcr.io/nvidia/gpu-operator:v25.3.0\nvalidator:\n  repository: nvcr.io/nvidia/cloud-native/gpu-operator-validator\n  tag: v25.3.0\nsidecar:\n  enabled: false\n  image: docker.io/library/busybox:1.36\n');
    writeFileSync(join(chart, 'templates', 'deployment.yaml'), [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ .Release.Name }}',
      'spec:',
      '  selector: {matchLabels: {app: op}}',
      '  template:',
      '    metadata: {labels: {app: op}}',
      '    spec:',
      '      containers:',
      '        - name: operator',
      '          image: {{ .Values.operator.image | quote }}',
      '        - name: validator',
      '          image: "{{ .Values.validator.repository }}:{{ .Values.validator.tag }}"',
      '        {{- if .Values.sidecar.enabled }}',
      '        - name: sidecar',
      '          image: {{ .Values.sidecar.image | quote }}',
      '        {{- end }}',
      '',
    ].join('\n'));
    server = await serveChartRepository(helm.path!, [chart], withHelm());
    repoUrl = server.url;
  });

  afterAll(() => server.close());

  function recipe(): string {
    const path = join(tempDir('aicr-mirror-recipe-'), 'recipe.yaml');
    writeFileSync(path, [
      'kind: RecipeResult',
      'apiVersion: aicr.nvidia.com/v1alpha1',
      'metadata:',
      '  version: v0.1.0',
      'criteria:',
      '  service: eks',
      '  accelerator: h100',
      'constraints:',
      '  - name: K8s.server.version',
      "    value: '>= 1.32.4'",
      'componentRefs:',
      '  - name: gpu-operator',
      '    namespace: gpu-operator',
      '    type: Helm',
      `    source: ${repoUrl}`,
      '    version: v25.3.0',
      '    overrides:',
      '      peermem:',
      '        tag: "1.0"',
      '    manifestFiles:',
      '      - components/gpu-operator/manifests/peermem.yaml',
      '  - name: kai-scheduler',
      '    namespace: kai-scheduler',
      '    type: Helm',
      // A registry nobody serves: helm fails at once, wherever the test runs.
      '    source: oci://127.0.0.1:1/nvidia',
      '    version: v0.9.0',
      'deploymentOrder:',
      '  - gpu-operator',
      '  - kai-scheduler',
      '',
    ].join('\n'));
    return path;
  }

  const OPERATOR_IMAGES = ['nvcr.io/nvidia/cloud-native/gpu-operator-validator:v25.3.0', 'nvcr.io/nvidia/gpu-operator:v25.3.0'];

  it('renders each chart with its values and lists images, charts and components as upstream does (yaml)', async () => {
    const result = await runCli(['mirror', 'list', '--recipe', recipe(), '--data', data], { env: withHelm() });
    expect(result.code, result.stderr).toBe(0);
    const list = parse(result.stdout);
    expect(Object.keys(list)).toEqual(['images', 'charts', 'components', 'metadata']);
    // The chart's two images and the manifest's, rendered with the component values.
    expect(list.images).toEqual(['nvcr.io/nvidia/cloud-native/gpu-operator-validator:v25.3.0', 'nvcr.io/nvidia/gpu-operator:v25.3.0', 'nvcr.io/nvidia/peermem-reloader:1.0']);
    expect(list.charts).toEqual([
      { name: 'gpu-operator', repository: repoUrl, chart: 'gpu-operator', version: 'v25.3.0', namespace: 'gpu-operator' },
      { name: 'kai-scheduler', repository: 'oci://127.0.0.1:1/nvidia', chart: 'kai-scheduler', version: 'v0.9.0', namespace: 'kai-scheduler' },
    ]);
    expect(list.components[0]).toMatchObject({ component: 'gpu-operator', type: 'helm' });
    expect(Object.keys(list.components[0])).toEqual(['component', 'type', 'images']);
    // The OCI chart cannot be fetched here: a warning, never a silent gap.
    expect(list.components[1]).toMatchObject({ component: 'kai-scheduler', type: 'helm', images: [], warnings: [expect.stringMatching(/^helm template failed: .*; images taken from the values only$/)] });
    expect(list.metadata).toEqual({ recipeVersion: expect.any(String), criteria: 'criteria(service=eks, accelerator=h100)' });
    expect(result.stderr).toContain('kai-scheduler: helm template failed');
  });

  it('follows --set into the rendered chart', async () => {
    const result = await runCli(['mirror', 'list', '--recipe', recipe(), '--data', data, '--set', 'gpuoperator:sidecar.enabled=true', '--format', 'json'], { env: withHelm() });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).components[0].images).toContain('docker.io/library/busybox:1.36');
    const tagged = await runCli(['mirror', 'list', '--recipe', recipe(), '--data', data, '--set', 'gpuoperator:peermem.tag=2.1', '--format', 'plain', '--offline']);
    expect(tagged.stdout).toContain('nvcr.io/nvidia/peermem-reloader:2.1\n');
  });

  it('writes a Hauler manifest and a Zarf package config with upstream\'s fields', async () => {
    const hauler = await runCli(['mirror', 'list', '--recipe', recipe(), '--data', data, '--format', 'hauler'], { env: withHelm() });
    expect(hauler.code, hauler.stderr).toBe(0);
    const [images, charts] = parseAllDocuments(hauler.stdout).map((doc) => doc.toJS());
    expect(images).toMatchObject({ apiVersion: 'content.hauler.cattle.io/v1', kind: 'Images', metadata: { name: 'aicr-images' } });
    expect(images.spec.images).toEqual(expect.arrayContaining(OPERATOR_IMAGES.map((name) => ({ name }))));
    expect(charts).toEqual({
      apiVersion: 'content.hauler.cattle.io/v1',
      kind: 'Charts',
      metadata: { name: 'aicr-charts' },
      spec: { charts: [{ name: 'gpu-operator', repoURL: repoUrl, version: 'v25.3.0' }, { name: 'kai-scheduler', repoURL: 'oci://127.0.0.1:1/nvidia', version: 'v0.9.0' }] },
    });
    expect(hauler.stdout.startsWith('apiVersion: content.hauler.cattle.io/v1\nkind: Images\nmetadata:\n  name: aicr-images\nspec:\n  images:\n    - name: ')).toBe(true);

    const zarf = await runCli(['mirror', 'list', '--recipe', recipe(), '--data', data, '--format', 'zarf'], { env: withHelm() });
    expect(zarf.code, zarf.stderr).toBe(0);
    const pkg = parse(zarf.stdout);
    expect(Object.keys(pkg)).toEqual(['apiVersion', 'components', 'kind', 'metadata']);
    expect(pkg).toMatchObject({ apiVersion: 'zarf.dev/v1alpha1', kind: 'ZarfPackageConfig', metadata: { name: 'aicr', description: expect.stringContaining('air-gapped') } });
    expect(pkg.components).toHaveLength(1);
    expect(Object.keys(pkg.components[0])).toEqual(['charts', 'images', 'name', 'required']);
    expect(pkg.components[0]).toMatchObject({ name: 'aicr-images', required: true, images: images.spec.images.map((image: { name: string }) => image.name) });
    expect(pkg.components[0].charts).toEqual([
      { name: 'gpu-operator', namespace: 'gpu-operator', repoName: 'gpu-operator', url: repoUrl, version: 'v25.3.0' },
      { name: 'kai-scheduler', namespace: 'kai-scheduler', url: 'oci://127.0.0.1:1/nvidia/kai-scheduler', version: 'v0.9.0' },
    ]);
  });

  it('lists the same images and charts from a bundle, plain and vendored, as from its recipe', async () => {
    const fromRecipe = await runCli(['mirror', 'list', '--recipe', recipe(), '--data', data, '--format', 'plain', '--set', 'gpuoperator:sidecar.enabled=true'], { env: withHelm() });
    expect(fromRecipe.code, fromRecipe.stderr).toBe(0);
    const lines = fromRecipe.stdout.trimEnd().split('\n');
    expect(lines).toContain(`gpu-operator v25.3.0 ${repoUrl}`);
    expect(lines).toContain('oci://127.0.0.1:1/nvidia/kai-scheduler:v0.9.0');
    expect(lines).toContain('docker.io/library/busybox:1.36');

    // The bundle keeps the --set in its values.yaml; a recipe with the OCI chart cannot be vendored, so vendor gpu-operator alone.
    const bundle = join(tempDir('aicr-mirror-bundle-'), 'b');
    const made = await runCli(['bundle', '--recipe', recipe(), '--data', data, '--output', bundle, '--set', 'gpuoperator:sidecar.enabled=true']);
    expect(made.code, made.stderr).toBe(0);
    const fromBundle = await runCli(['mirror', 'list', '--bundle', bundle, '--format', 'plain'], { env: withHelm() });
    expect(fromBundle.code, fromBundle.stderr).toBe(0);
    expect(fromBundle.stdout).toBe(fromRecipe.stdout);

    const single = join(tempDir('aicr-mirror-recipe-'), 'one.yaml');
    writeFileSync(single, readFileSync(recipe(), 'utf8').replace(/ {2}- name: kai-scheduler\n( {4}.*\n)+/, '').replace('  - kai-scheduler\n', ''));
    const vendored = join(tempDir('aicr-mirror-bundle-'), 'v');
    const made2 = await runCli(['bundle', '--recipe', single, '--data', data, '--output', vendored, '--vendor-charts', '--set', 'gpuoperator:sidecar.enabled=true']);
    expect(made2.code, made2.stderr).toBe(0);
    const fromVendored = await runCli(['mirror', 'list', '--bundle', vendored, '--format', 'json'], { env: withHelm() });
    expect(fromVendored.code, fromVendored.stderr).toBe(0);
    const list = JSON.parse(fromVendored.stdout);
    expect(list.components[0].images).toEqual(expect.arrayContaining([...OPERATOR_IMAGES, 'docker.io/library/busybox:1.36']));
    expect(list.components[0].warnings).toBeUndefined();
    expect(list.charts).toEqual([{ name: 'gpu-operator', repository: repoUrl, chart: 'gpu-operator', version: 'v25.3.0', namespace: 'gpu-operator' }]);
  });

  it('refuses a malformed structured image descriptor (exit 2)', async () => {
    const bad = tempDir('aicr-mirror-data-');
    mkdirSync(join(bad, 'components', 'gpu-operator'), { recursive: true });
    writeFileSync(join(bad, 'registry.yaml'), readFileSync(join(FIXTURE_DATA, 'registry.yaml'), 'utf8'));
    writeFileSync(join(bad, 'components', 'gpu-operator', 'bad.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  image:\n    registry: nvcr.io\n    repository: n/x\n');
    const path = join(tempDir('aicr-mirror-recipe-'), 'bad.yaml');
    writeFileSync(path, readFileSync(recipe(), 'utf8').replace('components/gpu-operator/manifests/peermem.yaml', 'components/gpu-operator/bad.yaml'));
    const result = await runCli(['mirror', 'list', '--recipe', path, '--data', bad, '--offline']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('invalid structured image descriptor');
    expect(result.stderr).toContain('field "registry"');
    // A digest member is taken from values files only; in a manifest it is refused, as upstream does.
    const pinned = tempDir('aicr-mirror-data-');
    mkdirSync(join(pinned, 'components', 'gpu-operator'), { recursive: true });
    writeFileSync(join(pinned, 'registry.yaml'), readFileSync(join(FIXTURE_DATA, 'registry.yaml'), 'utf8'));
    writeFileSync(join(pinned, 'components', 'gpu-operator', 'bad.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  image:\n    repository: nvcr.io/n/x\n    digest: sha256:${'a'.repeat(64)}\n`);
    const digest = await runCli(['mirror', 'list', '--recipe', path, '--data', pinned, '--offline']);
    expect(digest.code).toBe(2);
    expect(digest.stderr, digest.stderr).toContain('field "digest"');
  });
});

describe('aicr mirror list on the embedded catalog', () => {
  const recipeFor = async (criteria: string[]): Promise<string> => {
    const path = join(tempDir('aicr-mirror-embedded-'), 'recipe.yaml');
    const made = await runCli(['recipe', ...criteria, '--output', path]);
    expect(made.code, made.stderr).toBe(0);
    return path;
  };

  it.each([
    // Upstream's 2026 catalog covers these criteria only with a platform (eks) and an os (gke).
    [['--service', 'eks', '--accelerator', 'h100', '--intent', 'training', '--os', 'ubuntu', '--platform', 'kubeflow'], 'ghcr.io/nvidia/nodewright-packages/nvidia-tuned:0.3.2@sha256:a8bdca40dbe36de9d7a13e6afada49870714784fd9a3b9ce08717d675978c2b6'],
    // k8s-aibom's values pin its image by a digest member: offline, the values give repository@digest.
    [['--service', 'gke', '--accelerator', 'h100', '--intent', 'inference', '--os', 'cos'], 'ghcr.io/googlecloudplatform/k8s-aibom@sha256:f8e48d4edc44e6ee8e40a2ac6c5f60b190aa18d411a75702dc5798a77a039e8d'],
  ])('lists every chart of %j and the images of values and manifests, the same bytes each run (--offline)', async (criteria, expected) => {
    const path = await recipeFor(criteria);
    const recipeDoc = parse(readFileSync(path, 'utf8'));
    const first = await runCli(['mirror', 'list', '--recipe', path, '--offline']);
    const second = await runCli(['mirror', 'list', '--recipe', path, '--offline']);
    expect(first.code, first.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const list = parse(first.stdout);
    const helmRefs = (recipeDoc.componentRefs as Array<{ name: string; source?: string; type?: string; path?: string }>).filter((ref) => ref.source && ref.type !== 'Kustomize' && !ref.path);
    expect(list.charts.map((chart: { name: string }) => chart.name).sort()).toEqual(helmRefs.map((ref) => ref.name).sort());
    if (expected) expect(list.images).toContain(expected);
    expect([...list.images].sort()).toEqual(list.images);
    for (const image of list.images) expect(image).toMatch(/^[a-z0-9.-]+(:\d+)?\/[^\s]+$|^[a-z0-9._/-]+:[^\s]+$/);
    const zarf = await runCli(['mirror', 'list', '--recipe', path, '--offline', '--format', 'zarf']);
    expect(parse(zarf.stdout).components[0].images ?? []).toEqual(list.images);
  });

  it('lists the same from a bundle of an embedded recipe as from the recipe (--offline)', async () => {
    const path = await recipeFor(['--service', 'eks', '--accelerator', 'h100', '--intent', 'training', '--os', 'ubuntu', '--platform', 'kubeflow']);
    const bundle = join(tempDir('aicr-mirror-embedded-'), 'bundle');
    expect((await runCli(['bundle', '--recipe', path, '--output', bundle])).code).toBe(0);
    const fromRecipe = await runCli(['mirror', 'list', '--recipe', path, '--offline', '--format', 'plain']);
    const fromBundle = await runCli(['mirror', 'list', '--bundle', bundle, '--offline', '--format', 'plain']);
    expect([fromRecipe.code, fromBundle.code]).toEqual([0, 0]);
    expect(fromBundle.stdout).toBe(fromRecipe.stdout);
    expect(fromBundle.stdout).toContain('ghcr.io/nvidia/nodewright-packages/nvidia-tuned:0.3.2@sha256:a8bdca40dbe36de9d7a13e6afada49870714784fd9a3b9ce08717d675978c2b6\n');
  });

  it('says how to go on without helm (exit 3)', async () => {
    const path = await recipeFor(['--service', 'eks', '--accelerator', 'h100', '--intent', 'training']);
    const result = await runCli(['mirror', 'list', '--recipe', path], { env: { PATH: tempDir('aicr-empty-path-') } });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('mirror list renders each chart with helm');
    expect(result.stderr).toContain('--offline');
  });

  it('needs exactly one of --recipe and --bundle (exit 2)', async () => {
    expect((await runCli(['mirror', 'list'])).stderr).toContain('--recipe: is required (or --bundle)');
    const both = await runCli(['mirror', 'list', '--recipe', 'r.yaml', '--bundle', 'b']);
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('--bundle: cannot be combined with --recipe')]);
    expect((await runCli(['mirror', 'lsit'])).code).toBe(2);
  });
});
