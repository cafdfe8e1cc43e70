// `aicr bundle --vendor-charts` against a chart repository the test serves on 127.0.0.1: charts
// packaged and indexed by the real helm, the vendored bundle checked with helm lint/template and
// sha256sum -c, and every failure (digest, 404, stall, OCI) leaving no bundle behind.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, normalize } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBinAsync, runCli } from '../helpers/cli.js';
import { runWithInputs } from '../helpers/action.js';
import { runBounded } from '../../src/core/util/child-process.js';
import { run as runBundleAction } from '../../src/actions/bundle/main.js';
import { tempDir } from '../helpers/catalog.js';
import { FIXTURE_DATA, helmBinary } from '../core/bundle/support.js';

const helm = helmBinary();
if (!helm.path) console.warn(`SKIPPED vendor-charts tests: ${helm.reason}`);

/** Requests a test wants answered differently from the files on disk (path → handler). */
type Override = (request: IncomingMessage, response: ServerResponse) => void;

describe.skipIf(!helm.path)('aicr bundle --vendor-charts', () => {
  let server: Server;
  let repoUrl = '';
  const repo = tempDir('aicr-vendor-repo-');
  const overrides = new Map<string, Override>();
  const stalled: ServerResponse[] = [];

  function runHelm(args: string[], cwd?: string): string {
    const result = spawnSync(helm.path!, args, { encoding: 'utf8', cwd, env: { PATH: process.env.PATH, HOME: tempDir('aicr-home-') } });
    expect(result.status, `helm ${args.join(' ')}: ${result.stderr}`).toBe(0);
    return result.stdout;
  }

  function chart(name: string, version: string, template: string): string {
    const dir = join(tempDir('aicr-vendor-chart-'), name);
    mkdirSync(join(dir, 'templates'), { recursive: true });
    writeFileSync(join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: ${version}\n`);
    writeFileSync(join(dir, 'templates', 'configmap.yaml'), template);
    return dir;
  }

  beforeAll(async () => {
    server = createServer((request, response) => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const override = overrides.get(pathname);
      if (override) return override(request, response);
      const path = normalize(join(repo, pathname));
      if (!path.startsWith(repo)) return void response.writeHead(403).end();
      try {
        response.writeHead(200).end(readFileSync(path));
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    repoUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/charts`;
    // tiny refuses to render without .Values.message, so the nested values are proven to reach it.
    const tiny = chart('tiny', '0.1.0', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-tiny\ndata:\n  message: {{ required "message is required" .Values.message | quote }}\n');
    const operator = chart('gpu-operator', 'v25.3.0', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-operator\ndata:\n  driver: {{ .Values.driver.version | quote }}\n');
    mkdirSync(join(repo, 'charts'));
    runHelm(['package', tiny, '-d', join(repo, 'charts')]);
    runHelm(['package', operator, '-d', join(repo, 'charts')]);
    runHelm(['repo', 'index', join(repo, 'charts'), '--url', repoUrl]);
  });

  afterAll(() => new Promise<void>((resolve) => {
    for (const response of stalled) response.destroy();
    server.close(() => resolve());
  }));

  function recipe(extra = ''): string {
    const path = join(tempDir('aicr-vendor-recipe-'), 'recipe.yaml');
    writeFileSync(path, [
      'kind: RecipeResult',
      'apiVersion: aicr.nvidia.com/v1alpha1',
      'metadata:',
      '  version: v0.1.0',
      'componentRefs:',
      '  - name: cert-manager',
      '    namespace: demo',
      '    chart: tiny',
      '    type: Helm',
      `    source: ${repoUrl}`,
      '    version: 0.1.0',
      '  - name: gpu-operator',
      '    namespace: gpu-operator',
      '    type: Helm',
      `    source: ${repoUrl}/`,
      '    version: v25.3.0',
      '    overrides:',
      '      driver:',
      '        version: "570.1"',
      '    manifestFiles:',
      '      - components/gpu-operator/manifests/nvidia-runtime-class.yaml',
      extra,
      'deploymentOrder:',
      '  - cert-manager',
      '  - gpu-operator',
      '',
    ].join('\n'));
    return path;
  }

  const bundle = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const out = join(tempDir('aicr-vendor-out-'), 'bundle');
    return runCli(['bundle', '--recipe', recipe(), '--data', FIXTURE_DATA, '--output', out, '--vendor-charts', ...args], { env: { PATH: process.env.PATH, ...env } }).then((result) => ({ ...result, out }));
  };

  it('ships each chart in a wrapper chart that helm lints and renders, lists it in provenance.yaml, and checksums cover it', async () => {
    const result = await bundle(['--set', 'certmanager:message=hello']);
    expect(result.code, result.stderr).toBe(0);
    const { out } = result;
    expect(readdirSync(out).sort()).toEqual(['001-cert-manager', '002-gpu-operator', '003-gpu-operator-post', 'README.md', 'checksums.txt', 'data', 'deploy.sh', 'provenance.yaml', 'recipe.yaml', 'undeploy.sh']);
    expect(readdirSync(join(out, '001-cert-manager')).sort()).toEqual(['Chart.yaml', 'README.md', 'charts', 'cluster-values.yaml', 'install.sh', 'values.yaml']);

    // The tarballs are the repository's bytes, named as helm pull names them.
    const tinyBytes = readFileSync(join(repo, 'charts', 'tiny-0.1.0.tgz'));
    const operatorBytes = readFileSync(join(repo, 'charts', 'gpu-operator-v25.3.0.tgz'));
    expect(readFileSync(join(out, '001-cert-manager', 'charts', 'tiny-0.1.0.tgz')).equals(tinyBytes)).toBe(true);
    expect(readFileSync(join(out, '002-gpu-operator', 'charts', 'gpu-operator-v25.3.0.tgz')).equals(operatorBytes)).toBe(true);

    // Wrapper Chart.yaml declares the vendored chart with an empty repository; values nest under its name.
    const wrapper = parse(readFileSync(join(out, '002-gpu-operator', 'Chart.yaml'), 'utf8'));
    expect(wrapper).toMatchObject({ apiVersion: 'v2', name: 'gpu-operator', version: '0.1.0', dependencies: [{ name: 'gpu-operator', version: '25.3.0', repository: '' }] });
    expect(parse(readFileSync(join(out, '001-cert-manager', 'values.yaml'), 'utf8').split('---\n')[1]!)).toEqual({ tiny: { message: 'hello' } });

    // provenance.yaml: upstream's BundleProvenance fields, sorted by component.
    const sha = (bytes: Buffer) => spawnSync('sha256sum', { input: bytes, encoding: 'utf8' }).stdout.split(' ')[0];
    expect(parse(readFileSync(join(out, 'provenance.yaml'), 'utf8'))).toEqual({
      apiVersion: 'aicr.run/v1',
      kind: 'BundleProvenance',
      vendoredCharts: [
        { name: 'cert-manager', chart: 'tiny', version: '0.1.0', repository: repoUrl, sha256: sha(tinyBytes), tarballName: 'tiny-0.1.0.tgz', pullerVersion: expect.stringMatching(/^aicr /) },
        { name: 'gpu-operator', chart: 'gpu-operator', version: 'v25.3.0', repository: `${repoUrl}/`, sha256: sha(operatorBytes), tarballName: 'gpu-operator-v25.3.0.tgz', pullerVersion: expect.stringMatching(/^aicr /) },
      ],
    });

    // Scripts install from the folder, never from the repository.
    const install = readFileSync(join(out, '002-gpu-operator', 'install.sh'), 'utf8');
    expect(install).toMatch(/helm upgrade --install .* gpu-operator \.\/ /);
    expect(install).not.toContain('upstream.env');
    expect(existsSync(join(out, '002-gpu-operator', 'upstream.env'))).toBe(false);
    expect(readFileSync(join(out, '003-gpu-operator-post', 'templates', 'nvidia-runtime-class.yaml'), 'utf8')).toContain('kind: RuntimeClass');

    // checksums.txt covers the tarballs and provenance.yaml, and sha256sum agrees with every line.
    const checksums = readFileSync(join(out, 'checksums.txt'), 'utf8');
    expect(checksums).toContain(`${sha(tinyBytes)}  001-cert-manager/charts/tiny-0.1.0.tgz\n`);
    expect(checksums).toContain('  provenance.yaml\n');
    const verified = spawnSync('sha256sum', ['-c', '--strict', 'checksums.txt'], { cwd: out, encoding: 'utf8' });
    expect(verified.status, verified.stdout + verified.stderr).toBe(0);

    // helm itself: the wrapper charts lint strictly and render the vendored chart with the nested values.
    for (const dir of ['001-cert-manager', '002-gpu-operator']) runHelm(['lint', '--strict', dir, '-f', `${dir}/values.yaml`, '-f', `${dir}/cluster-values.yaml`], out);
    expect(runHelm(['template', 'cert-manager', './001-cert-manager', '-f', '001-cert-manager/values.yaml', '-f', '001-cert-manager/cluster-values.yaml'], out)).toContain('message: "hello"');
    expect(runHelm(['template', 'gpu-operator', './002-gpu-operator', '-f', '002-gpu-operator/values.yaml'], out)).toContain('driver: "570.1"');
    expect(readFileSync(join(out, '002-gpu-operator', 'README.md'), 'utf8')).toContain(sha(operatorBytes));
  });

  it('vendors the same way through the built CLI (bin/aicr.js)', async () => {
    const out = join(tempDir('aicr-vendor-out-'), 'bundle');
    const result = await runBinAsync(['bundle', '--recipe', recipe(), '--data', FIXTURE_DATA, '--output', out, '--vendor-charts', '--set', 'certmanager:message=hello']);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(out, '001-cert-manager', 'charts', 'tiny-0.1.0.tgz')).equals(readFileSync(join(repo, 'charts', 'tiny-0.1.0.tgz')))).toBe(true);
    expect(spawnSync('sha256sum', ['-c', '--strict', 'checksums.txt'], { cwd: out }).status).toBe(0);
  });

  it('is an input of the bundle action and of the GitLab component, named so in messages', async () => {
    const action = await runWithInputs(runBundleAction, { recipe: recipe(), data: FIXTURE_DATA, 'vendor-charts': 'true', set: 'certmanager:message=hello', summary: 'false' });
    expect(action.exitCode, action.stdout).toBe(0);
    expect(readFileSync(join(action.cwd, 'bundle', 'provenance.yaml'), 'utf8')).toContain('tarballName: tiny-0.1.0.tgz');
    expect(action.outputs.files).toBe(String(readFileSync(join(action.cwd, 'bundle', 'checksums.txt'), 'utf8').split('\n').length));

    const out = join(tempDir('aicr-vendor-out-'), 'bundle');
    // The GitLab door writes its Code Quality report too: beside the bundle, not in the checkout.
    const env = { PATH: process.env.PATH, AICR_INPUT_RECIPE: recipe(), AICR_INPUT_DATA: FIXTURE_DATA, AICR_INPUT_OUTPUT: out, AICR_INPUT_VENDOR_CHARTS: 'true', AICR_INPUT_CODEQUALITY: join(dirname(out), 'gl-code-quality-bundle.json') };
    overrides.set('/charts/index.yaml', (_request, response) => response.writeHead(500).end());
    try {
      const failed = await runCli(['bundle', '--inputs-from-env'], { env });
      expect(failed.code).toBe(6);
      expect(failed.stderr).toContain(`input "vendor-charts": component "cert-manager": ${repoUrl}/index.yaml answered HTTP 500`);
    } finally {
      overrides.delete('/charts/index.yaml');
    }
    const gitlab = await runCli(['bundle', '--inputs-from-env'], { env: { ...env, AICR_INPUT_SET: 'certmanager:message=hello', AICR_INPUT_CODEQUALITY: join(dirname(out), 'gitlab-code-quality.json') } });
    expect(gitlab.code, gitlab.stderr).toBe(0);
    expect(existsSync(join(out, '002-gpu-operator', 'charts', 'gpu-operator-v25.3.0.tgz'))).toBe(true);
  });

  it('writes the same bytes on every run', async () => {
    const first = await bundle(['--set', 'certmanager:message=hello']);
    const second = await bundle(['--set', 'certmanager:message=hello']);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(readFileSync(join(second.out, 'checksums.txt'), 'utf8')).toBe(readFileSync(join(first.out, 'checksums.txt'), 'utf8'));
  });

  it('gives GitOps deployers the vendored folder as a local chart path', async () => {
    const result = await bundle(['--deployer', 'argocd', '--repo', 'https://git.example.com/gitops.git']);
    expect(result.code, result.stderr).toBe(0);
    const application = readFileSync(join(result.out, '002-gpu-operator', 'application.yaml'), 'utf8');
    expect(application).toContain("path: '002-gpu-operator'");
    expect(application).not.toContain(repoUrl);
    expect(existsSync(join(result.out, '002-gpu-operator', 'charts', 'gpu-operator-v25.3.0.tgz'))).toBe(true);
  });

  it('refuses a tarball whose digest differs from the index (exit 2), naming component and URL, writing nothing', async () => {
    overrides.set('/charts/tiny-0.1.0.tgz', (_request, response) => response.writeHead(200).end(Buffer.concat([readFileSync(join(repo, 'charts', 'tiny-0.1.0.tgz')), Buffer.from('x')])));
    try {
      const result = await bundle([]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--vendor-charts: component "cert-manager"');
      expect(result.stderr).toContain(`${repoUrl}/tiny-0.1.0.tgz has sha256`);
      expect(existsSync(result.out)).toBe(false);
    } finally {
      overrides.delete('/charts/tiny-0.1.0.tgz');
    }
  });

  it('says which version is missing from the index (exit 3)', async () => {
    const path = recipe().replace(/recipe\.yaml$/, 'missing.yaml');
    writeFileSync(path, readFileSync(recipe(), 'utf8').replace('version: 0.1.0', 'version: 9.9.9'));
    const out = join(tempDir('aicr-vendor-out-'), 'bundle');
    const result = await runCli(['bundle', '--recipe', path, '--data', FIXTURE_DATA, '--output', out, '--vendor-charts']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('--vendor-charts: component "cert-manager": the repository index has no version "9.9.9" of chart "tiny" (it lists 0.1.0)');
    expect(existsSync(out)).toBe(false);
  });

  it('names the URL a repository answers with an HTTP error (exit 3 for 404)', async () => {
    overrides.set('/charts/index.yaml', (_request, response) => response.writeHead(404).end());
    try {
      const result = await bundle([]);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(`--vendor-charts: component "cert-manager": ${repoUrl}/index.yaml answered HTTP 404`);
    } finally {
      overrides.delete('/charts/index.yaml');
    }
  });

  it('ends a stalled download at AICR_REQUEST_TIMEOUT (exit 5)', async () => {
    overrides.set('/charts/gpu-operator-v25.3.0.tgz', (_request, response) => {
      // Headers and a first byte, then nothing: only the deadline can end this exchange.
      response.writeHead(200, { 'content-type': 'application/gzip' });
      response.write('x');
      stalled.push(response);
    });
    try {
      const result = await bundle(['--set', 'certmanager:message=hello'], { AICR_REQUEST_TIMEOUT: '1s' });
      expect(result.code).toBe(5);
      expect(result.stderr).toContain(`--vendor-charts: component "gpu-operator": ${repoUrl}/gpu-operator-v25.3.0.tgz sent 1 bytes but did not finish within 1 s`);
      expect(existsSync(result.out)).toBe(false);
    } finally {
      overrides.delete('/charts/gpu-operator-v25.3.0.tgz');
    }
  });

  it('vendors an OCI chart from a registry that wants a bearer token, checked against the layer digest', async () => {
    // A registry on 127.0.0.1 speaking the distribution protocol: real helm pulls from it too.
    const tgz = readFileSync(join(repo, 'charts', 'tiny-0.1.0.tgz'));
    const config = Buffer.from(JSON.stringify({ apiVersion: 'v2', name: 'tiny', version: '0.1.0' }));
    const digestOf = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    const blobs = new Map([[digestOf(tgz), tgz], [digestOf(config), config]]);
    let tamper = false;
    const manifest = Buffer.from(JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: digestOf(config), size: config.length },
      layers: [{ mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', digest: digestOf(tgz), size: tgz.length }],
    }));
    const registry = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      const port = (registry.address() as AddressInfo).port;
      if (url.pathname === '/token') return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'pull-token' }));
      if (request.headers.authorization !== 'Bearer pull-token') {
        return void response.writeHead(401, { 'www-authenticate': `Bearer realm="http://127.0.0.1:${port}/token",service="fake",scope="repository:charts/tiny:pull"` }).end();
      }
      if (url.pathname === '/v2/' || url.pathname === '/v2') return void response.writeHead(200).end();
      if (url.pathname === '/v2/charts/tiny/manifests/0.1.0') {
        return void response.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': digestOf(manifest), 'content-length': manifest.length }).end(request.method === 'HEAD' ? undefined : manifest);
      }
      const blob = /^\/v2\/charts\/tiny\/blobs\/(sha256:[a-f0-9]{64})$/.exec(url.pathname);
      const bytes = blob ? blobs.get(blob[1]!) : undefined;
      if (bytes) {
        const body = tamper && bytes === tgz ? Buffer.concat([bytes, Buffer.from('x')]) : bytes;
        return void response.writeHead(200, { 'content-length': body.length, 'docker-content-digest': blob![1]! }).end(request.method === 'HEAD' ? undefined : body);
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    try {
      const source = `oci://127.0.0.1:${(registry.address() as AddressInfo).port}/charts`;
      // The stand-in is a registry as far as helm itself is concerned.
      // (helm runs asynchronously: the registry answers from this process.)
      const pulled = await runBounded(helm.path!, ['pull', `${source}/tiny`, '--version', '0.1.0', '--plain-http', '--destination', tempDir('aicr-helm-pull-')], { timeoutMs: 60_000, maxStdoutBytes: 65536, env: { PATH: process.env.PATH, HOME: tempDir('aicr-home-') } });
      expect(pulled.kind === 'exited' && pulled.code === 0, JSON.stringify({ ...pulled, stderr: 'stderr' in pulled ? pulled.stderr.toString() : '' })).toBe(true);

      const path = join(tempDir('aicr-vendor-recipe-'), 'oci.yaml');
      writeFileSync(path, `kind: RecipeResult\napiVersion: aicr.nvidia.com/v1alpha1\nmetadata:\n  version: v0.1.0\ncomponentRefs:\n  - name: kai-scheduler\n    namespace: kai\n    chart: tiny\n    type: Helm\n    source: ${source}\n    version: 0.1.0\n    overrides:\n      message: from-oci\ndeploymentOrder:\n  - kai-scheduler\n`);
      const out = join(tempDir('aicr-vendor-out-'), 'bundle');
      const result = await runCli(['bundle', '--recipe', path, '--data', FIXTURE_DATA, '--output', out, '--vendor-charts']);
      expect(result.code, result.stderr).toBe(0);
      expect(readFileSync(join(out, '001-kai-scheduler', 'charts', 'tiny-0.1.0.tgz')).equals(tgz)).toBe(true);
      expect(parse(readFileSync(join(out, 'provenance.yaml'), 'utf8')).vendoredCharts).toEqual([
        { name: 'kai-scheduler', chart: 'tiny', version: '0.1.0', repository: source, sha256: digestOf(tgz).slice(7), tarballName: 'tiny-0.1.0.tgz', pullerVersion: expect.stringMatching(/^aicr /) },
      ]);
      expect(runHelm(['template', 'kai-scheduler', './001-kai-scheduler', '-f', '001-kai-scheduler/values.yaml'], out)).toContain('message: "from-oci"');

      tamper = true;
      const tampered = join(tempDir('aicr-vendor-out-'), 'bundle');
      const refused = await runCli(['bundle', '--recipe', path, '--data', FIXTURE_DATA, '--output', tampered, '--vendor-charts']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`but the manifest names ${digestOf(tgz)}`);
      expect(existsSync(tampered)).toBe(false);
    } finally {
      await new Promise<void>((resolve) => registry.close(() => resolve()));
    }
  });
});
