/**
 * Secrets never leave: nothing from a kubeconfig (tokens, passwords, client keys, URL userinfo,
 * exec-plugin env values and output), no secret field of cluster data, and no neighbouring line
 * of a user's malformed file reaches a log, an annotation, an output, a summary, a written file
 * or a ConfigMap, through any door; each run ends with its documented exit code.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.js';
import { expectNoLeak } from './assertions.js';
import { action, cli, gitlab, scratchDir } from './doors.js';
import { startFakeCluster, type FakeClusterProcess } from './fake-cluster.js';

const TOKEN = 'HOSTILE-KC-TOKEN-4b1e9d';
const PASSWORD = 'HOSTILE-KC-PASSWORD-c07f';
const URL_PASSWORD = 'HOSTILE-KC-URLPASS-77a0';
const KEY_DATA = 'HOSTILE-KC-KEYDATA-9e2b';
const KUBECONFIG_SECRETS = [TOKEN, PASSWORD, URL_PASSWORD, KEY_DATA];

/** The token and password above the fault (line 12), the client key below it. */
const MALFORMED_YAML = `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: https://admin:${URL_PASSWORD}@127.0.0.1:6443
  name: c
users:
- name: u
  user:
    token: ${TOKEN}
    password: ${PASSWORD}
   bad: indent
    client-key-data: ${KEY_DATA}
contexts:
- context: {cluster: c, user: u}
  name: x
current-context: x
`;

const MALFORMED_JSON = `{"apiVersion": "v1", "clusters": [{"name": "c", "cluster": {"server": "https://admin:${URL_PASSWORD}@127.0.0.1:6443"}}],
 "users": [{"name": "u", "user": {"token": "${TOKEN}", "password": "${PASSWORD}"}}] x,
 "contexts": [{"name": "x", "context": {"cluster": "c", "user": "u"}}], "client-key-data": "${KEY_DATA}"`;

/** A kubeconfig file outside the run's workspace (the workspace is searched for leaks). */
function kubeconfigFile(text: string): string {
  const path = join(scratchDir('kubeconfig'), 'config');
  writeFileSync(path, text);
  return path;
}

function validKubeconfig(user: Record<string, unknown>, server: string): string {
  return kubeconfigFile(JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster: { server, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'u', user }],
    contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
    'current-context': 'x',
  }));
}

const SNAPSHOT = join(FIXTURES, 'validate', 'snapshot-eks-h100-pass.yaml');
const RECIPE = join(FIXTURES, 'validate', 'recipe-extended.yaml');

describe('secrets', () => {
  describe('a malformed kubeconfig (YAML) at every door that takes one', () => {
    const kubeconfig = kubeconfigFile(MALFORMED_YAML);

    it('cli snapshot: the K8s and topology reasons name file:line:column and quote nothing', () => {
      const run = cli(['snapshot', '--local', '--kubeconfig', kubeconfig, '-o', 'snap.yaml']);
      expectNoLeak(run, 0, KUBECONFIG_SECRETS);
      expect(run.stderr).toContain(`cannot load kubeconfig ${kubeconfig}:12:4: malformed YAML: bad indentation of a mapping entry`);
      expect(run.stderr).not.toMatch(/bad: indent|name: u|user:/);
    });

    it('cli snapshot -t table (reasons in the table on stdout)', () => {
      expectNoLeak(cli(['snapshot', '--local', '--kubeconfig', kubeconfig, '-t', 'table']), 0, KUBECONFIG_SECRETS);
    });

    it('cli recipe -o cm://', () => {
      const run = cli(['recipe', '--service', 'eks', '-o', 'cm://default/x', '--kubeconfig', kubeconfig]);
      expectNoLeak(run, 2, KUBECONFIG_SECRETS);
      expect(run.stderr).toContain('hint:');
    });

    it('cli recipe --snapshot cm:// with the kubeconfig from $KUBECONFIG', () => {
      expectNoLeak(cli(['recipe', '--snapshot', 'cm://default/snap'], { env: { KUBECONFIG: kubeconfig } }), 2, KUBECONFIG_SECRETS);
    });

    it('cli validate --recipe cm://', () => {
      expectNoLeak(cli(['validate', '--recipe', 'cm://default/recipe', '--snapshot', SNAPSHOT, '-k', kubeconfig]), 2, KUBECONFIG_SECRETS);
    });

    it('cli bundle --recipe cm://', () => {
      expectNoLeak(cli(['bundle', '-r', 'cm://default/recipe', '--kubeconfig', kubeconfig, '-o', 'bundle']), 2, KUBECONFIG_SECRETS);
    });

    it('cli diff --baseline cm://', () => {
      expectNoLeak(cli(['diff', '-b', 'cm://default/base', '--target', SNAPSHOT, '-k', kubeconfig]), 2, KUBECONFIG_SECRETS);
    });

    it('cli snapshot --agent', () => {
      expectNoLeak(cli(['snapshot', '--agent', '--kubeconfig', kubeconfig, '-n', 'gpu-ops']), 2, KUBECONFIG_SECRETS);
    });

    it('cli --log-json recipe -o cm:// (JSON log lines)', () => {
      const run = cli(['recipe', '--log-json', '--service', 'eks', '-o', 'cm://default/x', '--kubeconfig', kubeconfig]);
      expectNoLeak(run, 2, KUBECONFIG_SECRETS);
      expect(JSON.parse(run.stderr.trim().split('\n').pop()!)).toMatchObject({ level: 'error', exitCode: 2 });
    });

    it('action snapshot: log, annotations, outputs, summary and the snapshot file', () => {
      const run = action('snapshot', { kubeconfig });
      expectNoLeak(run, 0, KUBECONFIG_SECRETS);
      expect(run.summary).toContain('malformed YAML');
    });

    it('action recipe with output cm://', () => {
      expectNoLeak(action('recipe', { service: 'eks', output: 'cm://default/x', kubeconfig }), 2, KUBECONFIG_SECRETS);
    });

    it('action validate with recipe cm://', () => {
      expectNoLeak(action('validate', { recipe: 'cm://default/recipe', snapshot: SNAPSHOT, kubeconfig }), 2, KUBECONFIG_SECRETS);
    });

    it('action bundle with recipe cm://', () => {
      expectNoLeak(action('bundle', { recipe: 'cm://default/recipe', kubeconfig }), 2, KUBECONFIG_SECRETS);
    });

    it('root action with snapshot cm://', () => {
      expectNoLeak(action('root', { snapshot: 'cm://default/snap', kubeconfig }), 2, KUBECONFIG_SECRETS);
    });

    it('gitlab snapshot: log and dotenv report', () => {
      const run = gitlab('snapshot', { kubeconfig });
      expectNoLeak(run, 0, KUBECONFIG_SECRETS);
      expect(run.outputs.AICR_SNAPSHOT_UNAVAILABLE).toContain('k8s');
    });

    it('gitlab recipe with output cm://', () => {
      expectNoLeak(gitlab('recipe', { service: 'eks', output: 'cm://default/x', kubeconfig }), 2, KUBECONFIG_SECRETS);
    });

    it('gitlab validate with snapshot cm://', () => {
      expectNoLeak(gitlab('validate', { recipe: RECIPE, snapshot: 'cm://default/snap', kubeconfig }), 2, KUBECONFIG_SECRETS);
    });

    it('gitlab bundle with recipe cm://', () => {
      expectNoLeak(gitlab('bundle', { recipe: 'cm://default/recipe', kubeconfig }), 2, KUBECONFIG_SECRETS);
    });
  });

  describe('other kubeconfig credentials', () => {
    it('a malformed JSON kubeconfig: cli recipe --snapshot cm://', () => {
      expectNoLeak(cli(['recipe', '-s', 'cm://default/snap', '-k', kubeconfigFile(MALFORMED_JSON)]), 2, KUBECONFIG_SECRETS);
    });

    it('the userinfo of an unreachable server URL: cli recipe -o cm:// ends unavailable (6)', () => {
      const kubeconfig = validKubeconfig({ token: TOKEN }, `https://admin:${URL_PASSWORD}@127.0.0.1:1`);
      const run = cli(['recipe', '--service', 'eks', '-o', 'cm://default/x', '-k', kubeconfig]);
      expectNoLeak(run, 6, KUBECONFIG_SECRETS);
      expect(run.stderr).toContain('https://<redacted>@127.0.0.1:1');
    });

    it('the userinfo of an unreachable server URL: gitlab snapshot records redacted reasons', () => {
      const kubeconfig = validKubeconfig({ token: TOKEN }, `https://admin:${URL_PASSWORD}@127.0.0.1:1`);
      expectNoLeak(gitlab('snapshot', { kubeconfig, timeout: '30s' }), 0, KUBECONFIG_SECRETS);
    });

    it('an exec plugin that fails echoing its env value: cli recipe ends unauthorized (4)', () => {
      const exec = { apiVersion: 'client.authentication.k8s.io/v1', command: process.execPath, args: ['-e', 'process.stderr.write("no login for " + process.env.CLOUD_PASSWORD); process.exit(1)'], env: [{ name: 'CLOUD_PASSWORD', value: PASSWORD }], interactiveMode: 'Never' };
      const run = cli(['recipe', '-s', 'cm://default/snap', '-k', validKubeconfig({ exec }, 'https://127.0.0.1:1')]);
      expectNoLeak(run, 4, KUBECONFIG_SECRETS);
      expect(run.stderr).toContain('its credential plugin failed');
    });

    it('an exec plugin that prints its token in malformed JSON: action recipe ends unauthorized (4)', () => {
      const exec = { apiVersion: 'client.authentication.k8s.io/v1', command: process.execPath, args: ['-e', `process.stdout.write('{"status": {"token": "${TOKEN}"')`], interactiveMode: 'Never' };
      expectNoLeak(action('recipe', { snapshot: 'cm://default/snap', kubeconfig: validKubeconfig({ exec }, 'https://127.0.0.1:1') }), 4, KUBECONFIG_SECRETS);
    });
  });

  describe('a cluster whose data and answers hold secrets', () => {
    const FIELD_SECRETS = Array.from({ length: 11 }, (_, i) => `HOSTILE-POLICY-S${i + 1}-x`);
    const [S1, S2, S3, S4, S5, S6, S7, S8, S9, S10, S11] = FIELD_SECRETS;
    const CLUSTER_TOKEN = 'HOSTILE-CLUSTER-TOKEN-31cd';
    let cluster: FakeClusterProcess;

    beforeAll(async () => {
      const policy = {
        apiVersion: 'nvidia.com/v1',
        kind: 'ClusterPolicy',
        metadata: { name: 'cluster-policy' },
        spec: {
          driver: {
            version: '580.82.07',
            licensingConfig: { configMapName: 'licensing', nlsToken: S1 },
            env: [{ name: 'NGC_API_KEY', value: S2 }, { name: 'HTTPS_PROXY', value: `https://proxy:${S3}@proxy.example:3128` }, { name: 'DEBUG', value: 'true' }],
            args: ['--token', S4, `--password=${S5}`, '--verbose'],
          },
          toolkit: { env: [{ name: 'AUTH_TOKEN', value: S6 }], 'private-key': S7 },
          devicePlugin: { config: { client_secret: S8, apiKey: S9, PASSWORD: S10 } },
          validator: { command: `run --api-key ${S11} --fast` },
          mig: { strategy: 'single' },
        },
      };
      cluster = await startFakeCluster({
        options: { users: { [CLUSTER_TOKEN]: { name: 'admin', groups: ['system:masters'], rules: 'cluster-admin' } } },
        token: CLUSTER_TOKEN,
        objects: [['clusterpolicies', policy]],
        // The API server echoes the token in the Status of the first read of this ConfigMap.
        faults: [{ path: '/configmaps/echo', status: 401, message: `Unauthorized: token ${CLUSTER_TOKEN} was rejected`, times: 10 }],
      });
    });
    afterAll(() => cluster?.stop());

    const secrets = () => [...FIELD_SECRETS, CLUSTER_TOKEN];

    it('cli snapshot: the ClusterPolicy is recorded with every secret field redacted', () => {
      const run = cli(['snapshot', '--local', '--kubeconfig', cluster.kubeconfig, '-o', 'snap.yaml']);
      expectNoLeak(run, 0, secrets());
      const snapshot = cli(['snapshot', '--local', '--kubeconfig', cluster.kubeconfig, '-t', 'json']).stdout;
      expect(snapshot).toContain('"driver.version": "580.82.07"');
      expect(snapshot).toContain('"driver.licensingConfig.configMapName": "licensing"');
      expect(snapshot).toContain('<redacted>');
    });

    it('cli snapshot -t table', () => {
      expectNoLeak(cli(['snapshot', '--local', '--kubeconfig', cluster.kubeconfig, '-t', 'table']), 0, secrets());
    });

    it('action snapshot: log, outputs, summary and the snapshot file', () => {
      const run = action('snapshot', { kubeconfig: cluster.kubeconfig });
      expectNoLeak(run, 0, secrets());
      expect(run.outputs['k8s-version']).toMatch(/^v1\./);
    });

    it('gitlab snapshot to a ConfigMap: the stored document holds no secret', async () => {
      const run = gitlab('snapshot', { kubeconfig: cluster.kubeconfig, output: 'cm://default/stored' });
      const response = await fetch(`${cluster.url}/api/v1/namespaces/default/configmaps/stored`, { headers: { authorization: `Bearer ${CLUSTER_TOKEN}` } });
      const stored = await response.text();
      expect(stored).toContain('snapshot.yaml');
      expectNoLeak(run, 0, secrets(), { configmap: stored.replaceAll(CLUSTER_TOKEN, '') });
    });

    it('a server that echoes the bearer token: cli recipe ends unauthorized (4)', () => {
      const run = cli(['recipe', '-s', 'cm://default/echo', '-k', cluster.kubeconfig]);
      expectNoLeak(run, 4, secrets());
      expect(run.stderr).toContain('was rejected');
    });
  });

  describe('malformed user files are quoted one short line at most', () => {
    const NEIGHBOURS = ['HOSTILE-NEIGHBOUR-ABOVE-1', 'HOSTILE-NEIGHBOUR-BELOW-2'];

    function file(name: string, text: string): string {
      const path = join(scratchDir('file'), name);
      writeFileSync(path, text);
      return path;
    }

    it('cli validate: a recipe that is one long string', () => {
      const recipe = file('recipe.yaml', `just some text ${'and more '.repeat(30)}\n  ${NEIGHBOURS[0]}\n  ${NEIGHBOURS[1]}\n`);
      expectNoLeak(cli(['validate', '-r', recipe, '-s', SNAPSHOT]), 2, NEIGHBOURS);
    });

    it('cli recipe: malformed criteria YAML', () => {
      const criteria = file('criteria.yaml', `kind: RecipeCriteria\napiVersion: aicr.run/v1\nservice: eks # ${NEIGHBOURS[0]}\nbad: [unclosed\nsecret: ${NEIGHBOURS[1]}\n`);
      expectNoLeak(cli(['recipe', '--criteria', criteria]), 2, NEIGHBOURS);
    });

    it('action validate: a malformed snapshot', () => {
      const snapshot = file('snapshot.yaml', `kind: Snapshot\napiVersion: aicr.nvidia.com/v1alpha1\nmetadata:\n  token: ${NEIGHBOURS[0]}\n measurements: [\n  password: ${NEIGHBOURS[1]}\n`);
      expectNoLeak(action('validate', { recipe: RECIPE, snapshot }), 2, NEIGHBOURS);
    });

    it('gitlab recipe: a malformed --data registry', () => {
      const data = scratchDir('data');
      mkdirSync(data, { recursive: true });
      writeFileSync(join(data, 'registry.yaml'), `components:\n  - name: x\n    token: ${NEIGHBOURS[0]}\n   bad: indent\n    other: ${NEIGHBOURS[1]}\n`);
      expectNoLeak(gitlab('recipe', { service: 'eks', data }), 2, NEIGHBOURS);
    });
  });
});
