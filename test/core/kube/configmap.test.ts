import { describe, expect, it } from 'vitest';
import { parseLocation, readLocation, writeLocation } from '../../../src/core/io.js';
import { claimConfigMap, CONFIGMAP_MAX_BYTES, readConfigMapDocument, writeConfigMapDocument } from '../../../src/core/kube/configmap.js';
import { parseConfigMapUri } from '../../../src/core/io.js';
import { useFakeCluster } from '../../fake-kube/harness.js';
import { rejection } from '../../helpers/errors.js';
import { renderOptionRefs } from '../../../src/core/option-refs.js';

const cluster = useFakeCluster();
const uri = (text: string) => parseConfigMapUri(text);
const snapshotYaml = 'kind: Snapshot\napiVersion: aicr.nvidia.com/v1alpha1\nmeasurements: []\n';


describe('writing documents to ConfigMaps', () => {
  it('creates the ConfigMap with upstream data keys and labels', async () => {
    cluster.fake.create('namespaces', { metadata: { name: 'gpu-ops' } });
    const result = await writeConfigMapDocument(uri('cm://gpu-ops/aicr-snapshot'), snapshotYaml, { kubeconfig: cluster.kubeconfig, kind: 'Snapshot', timestamp: '2026-03-10T20:05:14Z' });
    expect(result.created).toBe(true);
    const stored = cluster.fake.get('configmaps', 'gpu-ops', 'aicr-snapshot')!;
    expect(stored.data).toEqual({ format: 'yaml', 'snapshot.yaml': snapshotYaml, timestamp: '2026-03-10T20:05:14Z' });
    expect(stored.metadata.labels).toEqual({ 'app.kubernetes.io/name': 'aicr', 'app.kubernetes.io/component': 'Snapshot', 'app.kubernetes.io/version': '1.0.0' });
    expect(cluster.fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v1/namespaces/gpu-ops/configmaps']);
  });

  it('replaces the whole data map of an existing ConfigMap, keeping foreign labels and annotations', async () => {
    cluster.fake.create('configmaps', {
      metadata: { name: 'doc', namespace: 'default', labels: { team: 'gpu' }, annotations: { note: 'keep' } },
      data: { format: 'yaml', 'snapshot.yaml': 'old', timestamp: 't0', stale: 'x' },
    });
    const before = cluster.fake.get('configmaps', 'default', 'doc')!.metadata.resourceVersion;
    const result = await writeConfigMapDocument(uri('cm://default/doc'), '{"kind":"RecipeResult"}', { kubeconfig: cluster.kubeconfig, format: 'json', kind: 'RecipeResult', timestamp: 't1' });
    expect(result.created).toBe(false);
    const stored = cluster.fake.get('configmaps', 'default', 'doc')!;
    expect(stored.data).toEqual({ format: 'json', 'snapshot.json': '{"kind":"RecipeResult"}', timestamp: 't1' });
    expect(stored.metadata.labels).toMatchObject({ team: 'gpu', 'app.kubernetes.io/component': 'RecipeResult' });
    expect(stored.metadata.annotations).toEqual({ note: 'keep' });
    expect(Number(stored.metadata.resourceVersion)).toBeGreaterThan(Number(before));
    const put = cluster.fake.requests.find((r) => r.method === 'PUT')!;
    expect((put.body as { metadata: { resourceVersion: string } }).metadata.resourceVersion).toBe(before);
  });

  it('never replaces what another writer put there after our read (409 Conflict → exit 2, theirs kept)', async () => {
    cluster.fake.create('configmaps', { metadata: { name: 'doc', namespace: 'default' }, data: { a: 'b' } });
    // A concurrent writer changes the object right after our GET, so the PUT carries a stale version.
    cluster.fake.inject({ method: 'GET', resource: 'configmaps', afterResponse: () => cluster.fake.patch('configmaps', 'default', 'doc', { data: { other: 'writer' } }) });
    const error = await rejection(writeConfigMapDocument(uri('cm://default/doc'), snapshotYaml, { kubeconfig: cluster.kubeconfig, timestamp: 't' }));
    expect(error.exitCode).toBe(2);
    expect(renderOptionRefs(error.message)).toBe('--output: ConfigMap cm://default/doc was written by another process while this run was working, so this run left it as it is and wrote nothing there');
    expect(cluster.fake.requests.filter((r) => r.method === 'PUT').map((r) => r.status)).toEqual([409]);
    expect(cluster.fake.get('configmaps', 'default', 'doc')!.data).toEqual({ a: 'b', other: 'writer' });
  });

  it('survives transient faults on the way (500 on create, lost PUT response) and ends with one whole document', async () => {
    cluster.fake.create('configmaps', { metadata: { name: 'doc', namespace: 'default' }, data: { format: 'yaml', 'snapshot.yaml': 'old', timestamp: 't0' } });
    cluster.fake.inject({ verb: 'create', resource: 'configmaps', status: 500 });
    cluster.fake.inject({ verb: 'update', resource: 'configmaps', dropResponse: true });
    await writeConfigMapDocument(uri('cm://default/doc'), snapshotYaml, { kubeconfig: cluster.kubeconfig, timestamp: 't1' });
    // POST 500 → retried POST 409 → GET → PUT (applied, answer lost) → retried PUT 409 (our own
    // write) → GET: it holds exactly our data, so the write went through.
    expect(cluster.fake.requests.map((r) => `${r.method} ${r.status ?? 'dropped'}`)).toEqual(['POST 500', 'POST 409', 'GET 200', 'PUT dropped', 'PUT 409', 'GET 200']);
    expect(cluster.fake.get('configmaps', 'default', 'doc')!.data).toEqual({ format: 'yaml', 'snapshot.yaml': snapshotYaml, timestamp: 't1' });
  });

  describe('with a claim taken before the work', () => {
    const claimed = () => claimConfigMap(uri('cm://default/doc'), { kubeconfig: cluster.kubeconfig });

    it('creates a ConfigMap that was absent, and refuses one that appeared since (exit 2, theirs kept)', async () => {
      const claim = await claimed();
      expect(claim.state).toBe('absent');
      await writeConfigMapDocument(uri('cm://default/doc'), snapshotYaml, { kubeconfig: cluster.kubeconfig, timestamp: 't', claim });
      expect(cluster.fake.get('configmaps', 'default', 'doc')!.data['snapshot.yaml']).toBe(snapshotYaml);

      cluster.fake.remove('configmaps', 'default', 'doc');
      const second = await claimed();
      cluster.fake.create('configmaps', { metadata: { name: 'doc', namespace: 'default' }, data: { theirs: 'yes' } });
      const error = await rejection(writeConfigMapDocument(uri('cm://default/doc'), snapshotYaml, { kubeconfig: cluster.kubeconfig, timestamp: 't', claim: second }));
      expect(error.exitCode).toBe(2);
      expect(error.message).toContain('was written by another process while this run was working');
      expect(cluster.fake.get('configmaps', 'default', 'doc')!.data).toEqual({ theirs: 'yes' });
    });

    it('replaces the claimed version, and refuses one that changed since (no retry over it)', async () => {
      cluster.fake.create('configmaps', { metadata: { name: 'doc', namespace: 'default' }, data: { a: 'b' } });
      const claim = await claimed();
      await writeConfigMapDocument(uri('cm://default/doc'), snapshotYaml, { kubeconfig: cluster.kubeconfig, timestamp: 't', claim });
      expect(cluster.fake.get('configmaps', 'default', 'doc')!.data['snapshot.yaml']).toBe(snapshotYaml);

      const stale = await claimed();
      cluster.fake.patch('configmaps', 'default', 'doc', { data: { other: 'writer' } });
      const before = cluster.fake.requests.length;
      const error = await rejection(writeConfigMapDocument(uri('cm://default/doc'), 'kind: Snapshot\napiVersion: aicr.run/v1\n', { kubeconfig: cluster.kubeconfig, timestamp: 't2', claim: stale }));
      expect(error.exitCode).toBe(2);
      expect(cluster.fake.requests.slice(before).map((r) => `${r.method} ${r.status}`)).toEqual(['PUT 409', 'GET 200']);
      expect(cluster.fake.get('configmaps', 'default', 'doc')!.data.other).toBe('writer');
    });

    it('reads as unknown when get is forbidden, and still writes with create or update', async () => {
      cluster.fake.users.set('writer', { name: 'system:serviceaccount:ci:writer', rules: [{ verbs: ['create'], apiGroups: [''], resources: ['configmaps'] }] });
      const claim = await claimConfigMap(uri('cm://default/doc'), { kubeconfig: cluster.kubeconfigFor('writer') });
      expect(claim.state).toBe('unknown');
      await writeConfigMapDocument(uri('cm://default/doc'), snapshotYaml, { kubeconfig: cluster.kubeconfigFor('writer'), timestamp: 't', claim });
      expect(cluster.fake.get('configmaps', 'default', 'doc')!.data['snapshot.yaml']).toBe(snapshotYaml);
    });
  });

  it('refuses a document over the 1 MiB ConfigMap limit before any request', async () => {
    const big = 'x'.repeat(CONFIGMAP_MAX_BYTES);
    const error = await rejection(writeConfigMapDocument(uri('cm://default/big'), big, { kubeconfig: cluster.kubeconfig }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/too large for ConfigMap cm:\/\/default\/big: \d+ bytes .* at most 1048576 bytes/);
    expect(renderOptionRefs(error.hint!)).toContain('write it to a file instead (e.g. --output snapshot.yaml)');
    expect(renderOptionRefs(error.hint!)).toContain('--max-nodes-per-entry limits the node names');
    expect(cluster.fake.requests).toEqual([]);
    expect(cluster.fake.get('configmaps', 'default', 'big')).toBeUndefined();
  });

  it('accepts a document that fits exactly, and the API server agrees', async () => {
    const overhead = Buffer.byteLength('format') + Buffer.byteLength('yaml') + Buffer.byteLength('snapshot.yaml') + Buffer.byteLength('timestamp') + Buffer.byteLength('t');
    const text = 'y'.repeat(CONFIGMAP_MAX_BYTES - overhead);
    await writeConfigMapDocument(uri('cm://default/exact'), text, { kubeconfig: cluster.kubeconfig, timestamp: 't' });
    expect(cluster.fake.get('configmaps', 'default', 'exact')!.data['snapshot.yaml']).toHaveLength(text.length);
    // One byte more is refused locally.
    await expect(writeConfigMapDocument(uri('cm://default/exact2'), text + 'y', { kubeconfig: cluster.kubeconfig, timestamp: 't' })).rejects.toThrow(/too large/);
  });

  it('says the namespace is missing (exit 3) instead of creating it', async () => {
    const error = await rejection(writeConfigMapDocument(uri('cm://nowhere/doc'), snapshotYaml, { kubeconfig: cluster.kubeconfig }));
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain('namespace "nowhere" does not exist');
    expect(error.hint).toContain('kubectl create namespace nowhere');
    expect(cluster.fake.get('namespaces', undefined, 'nowhere')).toBeUndefined();
  });

  it('refuses to overwrite an immutable ConfigMap and leaves it intact', async () => {
    cluster.fake.create('configmaps', { metadata: { name: 'frozen', namespace: 'default' }, data: { 'snapshot.yaml': 'keep' }, immutable: true });
    const error = await rejection(writeConfigMapDocument(uri('cm://default/frozen'), snapshotYaml, { kubeconfig: cluster.kubeconfig }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('immutable');
    expect(cluster.fake.get('configmaps', 'default', 'frozen')!.data).toEqual({ 'snapshot.yaml': 'keep' });
  });

  it('names the missing RBAC verb when writing is forbidden (exit 4)', async () => {
    cluster.fake.users.set('reader', { name: 'system:serviceaccount:ci:runner', rules: [{ verbs: ['get'], apiGroups: [''], resources: ['configmaps'] }] });
    const error = await rejection(writeConfigMapDocument(uri('cm://default/doc'), snapshotYaml, { kubeconfig: cluster.kubeconfigFor('reader') }));
    expect(error.exitCode).toBe(4);
    expect(error.message).toContain('RBAC denied "create" on configmaps in namespace "default" for system:serviceaccount:ci:runner');
    expect(error.hint).toContain('kubectl auth can-i create configmaps -n default');
    expect(cluster.fake.requests).toHaveLength(1);
  });
});

describe('reading documents from ConfigMaps', () => {
  const put = (data: Record<string, string>) => cluster.fake.create('configmaps', { metadata: { name: 'doc', namespace: 'default' }, data });
  const read = () => readConfigMapDocument(uri('cm://default/doc'), { kubeconfig: cluster.kubeconfig });

  it('follows the format key, then falls back to snapshot.yaml, snapshot.json (upstream order)', async () => {
    put({ format: 'json', 'snapshot.json': '{"a":1}', 'snapshot.yaml': 'broken: [' });
    expect(await read()).toEqual({ text: '{"a":1}', key: 'snapshot.json', format: 'json' });
  });

  it('uses a fallback key when the declared one is absent', async () => {
    put({ format: 'json', 'snapshot.yaml': 'a: 1\n' });
    expect(await read()).toMatchObject({ key: 'snapshot.yaml', format: 'yaml' });
  });

  it('reads the upstream agent ConfigMap format', async () => {
    put({ format: 'yaml', 'snapshot.yaml': snapshotYaml, timestamp: '2026-03-10T20:05:14Z' });
    expect((await read()).text).toBe(snapshotYaml);
  });

  it('fails with NOT_FOUND listing the keys when there is no document key', async () => {
    put({ 'recipe.yaml': 'x' });
    const error = await rejection(read());
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain('its data keys are: recipe.yaml');
  });

  it('refuses a stored table (cannot be read back)', async () => {
    put({ format: 'table', 'snapshot.txt': 'FIELD VALUE' });
    const error = await rejection(read());
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('table');
  });

  it('fails with NOT_FOUND (exit 3) when the ConfigMap does not exist', async () => {
    const error = await rejection(read());
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain('ConfigMap cm://default/doc does not exist');
  });

  it('names get configmaps when reading is forbidden', async () => {
    cluster.fake.users.set('nobody', { name: 'nobody', rules: [] });
    const error = await rejection(readConfigMapDocument(uri('cm://default/doc'), { kubeconfig: cluster.kubeconfigFor('nobody') }));
    expect(error.exitCode).toBe(4);
    expect(error.message).toContain('RBAC denied "get" on configmaps in namespace "default" for nobody');
  });

  it('reports bad credentials as unauthorized (401)', async () => {
    const error = await rejection(readConfigMapDocument(uri('cm://default/doc'), { kubeconfig: cluster.kubeconfigFor('wrong-token') }));
    expect(error.exitCode).toBe(4);
    expect(error.message).toContain('rejected the credentials');
  });
});

describe('cm:// through io.ts', () => {
  it('round-trips through writeLocation and readLocation with the kubeconfig option', async () => {
    const location = parseLocation('cm://default/roundtrip', 'output');
    await writeLocation(location, snapshotYaml, { kubeconfig: cluster.kubeconfig, format: 'yaml', kind: 'Snapshot' });
    const result = await readLocation(location, { kubeconfig: cluster.kubeconfig, input: 'snapshot' });
    expect(result).toEqual({ text: snapshotYaml, origin: 'cm://default/roundtrip#snapshot.yaml' });
  });

  it('uses $KUBECONFIG when no kubeconfig option is given', async () => {
    process.env.KUBECONFIG = cluster.kubeconfig;
    const location = parseLocation('cm://default/from-env');
    await writeLocation(location, snapshotYaml, { format: 'yaml' });
    expect((await readLocation(location)).text).toBe(snapshotYaml);
  });

  it('fails as unavailable (exit 6) without any Kubernetes configuration', async () => {
    delete process.env.KUBECONFIG;
    process.env.HOME = cluster.dir; // no ~/.kube/config there
    delete process.env.KUBERNETES_SERVICE_HOST;
    const error = await rejection(readLocation(parseLocation('cm://default/x')));
    expect(error.exitCode).toBe(6);
    expect(renderOptionRefs(error.hint!)).toContain('pass --kubeconfig <file> (or set KUBECONFIG)');
  });

  it('fails as not found (exit 3) for a missing kubeconfig file', async () => {
    const error = await rejection(readLocation(parseLocation('cm://default/x'), { kubeconfig: `${cluster.dir}/missing` }));
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain('kubeconfig file not found');
  });
});
