/**
 * Everything bounded, as users meet it through the doors: https documents and Kubernetes
 * answers that never end, drip or stall (bounded memory and time, exit 2 or 5), child
 * processes that hang, flood or leave a background child holding their output (they and all
 * they started end with the limit), and `--data` directories too large to be a catalog.
 */
import { chmodSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttps, type HttpsFixture } from '../helpers/https.js';
import { FIXTURES, UPSTREAM_EXAMPLES } from '../helpers/paths.js';
import { pidsIn, stillRunning } from '../helpers/processes.js';
import { action, actionAsync, cli, cliAsync, gitlab, gitlabAsync, scratchDir } from './doors.js';
import { AGENT_SNAPSHOT, startWorld, type World } from './kube-world.js';

const CRITERIA = 'kind: RecipeCriteria\napiVersion: aicr.run/v1\nspec:\n  service: eks\n  accelerator: h100\n  intent: inference\n';
const FAST = { AICR_REQUEST_TIMEOUT: '1s' };

/** Executables in a fresh folder (each a shell script body; `$PIDS` is a file for process ids). */
function tools(scripts: Record<string, string>): { path: string; pids: string } {
  const bin = scratchDir('tools');
  const pids = join(bin, 'pids');
  writeFileSync(pids, '');
  for (const [name, body] of Object.entries(scripts)) {
    writeFileSync(join(bin, name), `#!/bin/sh\nPATH=/usr/bin:/bin\nPIDS=${pids}\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  }
  return { path: `${bin}:/usr/bin:/bin`, pids };
}

/** A kubeconfig for `server` whose user gets credentials from `command`. */
function execKubeconfig(server: string, command: string): string {
  const path = join(scratchDir('kubeconfig'), 'kubeconfig');
  writeFileSync(path, JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster: { server, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'u', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command, interactiveMode: 'Never' } } }],
    contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }],
    'current-context': 'c',
  }));
  return path;
}

describe('bounds', () => {
  describe('https documents', () => {
    let server: HttpsFixture;
    beforeAll(async () => {
      server = await startHttps((req: IncomingMessage, res: ServerResponse) => {
        const path = new URL(req.url ?? '/', 'https://x').pathname;
        if (path === '/criteria.yaml') return void res.writeHead(200).end(CRITERIA);
        if (path === '/declared-huge.yaml') return void res.writeHead(200, { 'content-length': String(1024 * 1024 * 1024) }).end();
        if (path === '/hang.yaml') return void req.on('close', () => res.destroy());
        res.writeHead(200);
        if (path === '/endless.yaml') {
          const chunk = Buffer.alloc(64 * 1024, '#');
          const pump = (): void => {
            while (!res.destroyed && res.write(chunk));
          };
          res.on('drain', pump);
          return pump();
        }
        // /drip.yaml: a byte every 100 ms, forever.
        const timer = setInterval(() => res.write('#'), 100);
        res.on('close', () => clearInterval(timer));
      });
    });
    afterAll(() => server.close());
    const env = (extra: NodeJS.ProcessEnv = {}) => ({ NODE_EXTRA_CA_CERTS: server.caFile, ...FAST, ...extra });

    it('cli: an endless body stops at the size limit (exit 2)', async () => {
      const run = await cliAsync(['recipe', '--criteria', `${server.url}/endless.yaml`], { env: env() }).done;
      expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('--criteria: https://127.0.0.1:')]);
      expect(run.stderr).toContain('endless.yaml is too large (more than 10485760 bytes)');
    });

    it('cli: a body that drips a byte at a time ends at the deadline (exit 5)', async () => {
      const started = Date.now();
      const run = await cliAsync(['recipe', '--criteria', `${server.url}/drip.yaml`], { env: env() }).done;
      expect([run.code, run.stderr]).toEqual([5, expect.stringMatching(/--criteria: \S+drip\.yaml sent \d+ bytes but did not finish within 1 s/)]);
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it('cli: a server that never answers ends at the deadline (exit 5)', async () => {
      const run = await cliAsync(['diff', '--baseline', `${server.url}/hang.yaml`, '--target', `${server.url}/hang.yaml`], { env: env() }).done;
      expect([run.code, run.stderr]).toEqual([5, expect.stringContaining('hang.yaml did not answer within 1 s')]);
    });

    it('action: a dripping criteria document fails the step with 5', async () => {
      const run = await actionAsync('recipe', { criteria: `${server.url}/drip.yaml` }, { env: env() }).done;
      expect(run.code).toBe(5);
      expect(run.log).toMatch(/::error::\[TIMEOUT\] input "criteria": \S+drip\.yaml sent \d+ bytes but did not finish within 1 s/);
    });

    it('action: a declared Content-Length past the limit is refused before reading (exit 2)', async () => {
      const run = await actionAsync('recipe', { criteria: `${server.url}/declared-huge.yaml` }, { env: env() }).done;
      expect([run.code, run.log]).toEqual([2, expect.stringContaining('declared-huge.yaml is too large (1073741824 bytes, limit 10485760 bytes)')]);
    });

    it('gitlab: an endless criteria document stops at the size limit (exit 2)', async () => {
      const run = await gitlabAsync('recipe', { criteria: `${server.url}/endless.yaml` }, { env: env() }).done;
      expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('input "criteria": https://127.0.0.1:')]);
    });

    it('gitlab: an unreachable server is unavailable (exit 6)', async () => {
      const closed = createHttpServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const { port } = closed.address() as AddressInfo;
      await new Promise((resolve) => closed.close(resolve));
      const run = await gitlabAsync('recipe', { criteria: `https://127.0.0.1:${port}/criteria.yaml` }, { env: env() }).done;
      expect([run.code, run.stderr]).toEqual([6, expect.stringContaining('ECONNREFUSED')]);
    });

    it('cli: a malformed AICR_REQUEST_TIMEOUT is invalid input (exit 2)', async () => {
      const run = await cliAsync(['recipe', '--criteria', `${server.url}/criteria.yaml`], { env: env({ AICR_REQUEST_TIMEOUT: '5' }) }).done;
      expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('AICR_REQUEST_TIMEOUT: "5" is not a duration')]);
    });
  });

  describe('Kubernetes answers', () => {
    let world: World;
    let huge: { url: string; server: Server };
    beforeAll(async () => {
      world = await startWorld();
      // A "ConfigMap" of 1.5 MiB of data, which no real API server stores.
      const body = JSON.stringify({ kind: 'ConfigMap', metadata: { name: 'snap', namespace: 'gpu-ops' }, data: { 'snapshot.yaml': `${AGENT_SNAPSHOT}#${'x'.repeat(1536 * 1024)}\n` } });
      const server = createHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      huge = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
    });
    afterAll(async () => {
      await world.close();
      huge.server.close();
    });
    const fresh = async <T>(body: (w: World) => Promise<T>): Promise<T> => {
      const w = await startWorld();
      try {
        return await body(w);
      } finally {
        await w.close();
      }
    };
    const hugeKubeconfig = () => {
      const path = join(scratchDir('kubeconfig'), 'kubeconfig');
      writeFileSync(path, JSON.stringify({ apiVersion: 'v1', kind: 'Config', clusters: [{ name: 'c', cluster: { server: huge.url, 'insecure-skip-tls-verify': true } }], users: [{ name: 'u', user: { token: 't' } }], contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }], 'current-context': 'c' }));
      return path;
    };

    it('cli: an endless ConfigMap answer stops at 3 MiB (exit 2, naming --snapshot)', () => fresh(async (w) => {
      w.fake.inject({ verb: 'get', resource: 'configmaps', endlessBody: true, times: 100 });
      const run = await cliAsync(['recipe', '--snapshot', 'cm://gpu-ops/snap', '-k', w.kubeconfig], { env: FAST }).done;
      expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('--snapshot: the API server\'s answer for ConfigMap cm://gpu-ops/snap is larger than 3145728 bytes (3 MiB)')]);
      expect(w.fake.requestsFor('get', 'configmaps')).toHaveLength(1);
    }));

    it('action: a ConfigMap holding more than 1 MiB of data is refused (exit 2)', async () => {
      const run = await actionAsync('recipe', { snapshot: 'cm://gpu-ops/snap', kubeconfig: hugeKubeconfig() }, { env: FAST }).done;
      expect([run.code, run.log]).toEqual([2, expect.stringContaining('::error::[INVALID_REQUEST] input "snapshot": ConfigMap cm://gpu-ops/snap holds 1')]);
      expect(run.log).toContain('more than the 1048576 bytes (1 MiB) Kubernetes allows');
    });

    it('cli: diff refuses an oversized baseline ConfigMap (exit 2)', async () => {
      const run = await cliAsync(['diff', '--baseline', 'cm://gpu-ops/snap', '--target', 'cm://gpu-ops/snap', '-k', hugeKubeconfig()], { env: FAST }).done;
      expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('--baseline: ConfigMap cm://gpu-ops/snap holds')]);
    });

    it('gitlab: a ConfigMap answer that drips ends at the deadline (exit 5)', () => fresh(async (w) => {
      w.fake.inject({ verb: 'get', resource: 'configmaps', dripMs: 100, times: 100 });
      const started = Date.now();
      const run = await gitlabAsync('recipe', { snapshot: 'cm://gpu-ops/snap', kubeconfig: w.kubeconfig }, { env: FAST }).done;
      expect([run.code, run.stderr]).toEqual([5, expect.stringContaining('cannot get configmaps "snap" in namespace "gpu-ops": the API server sent no answer within')]);
      expect(Date.now() - started).toBeLessThan(10_000);
    }));

    it('cli: a node list page that never ends stops at 64 MiB (exit 6 with --require topology)', () => fresh(async (w) => {
      w.fake.inject({ verb: 'list', resource: 'nodes', endlessBody: true, times: 100 });
      const run = await cliAsync(['snapshot', '--local', '-k', w.kubeconfig, '--require', 'topology', '-o', 'snapshot.yaml'], { env: { AICR_REQUEST_TIMEOUT: '20s' } }).done;
      expect([run.code, run.stderr]).toEqual([6, expect.stringContaining('the answer to GET /api/v1/nodes is larger than 64 MiB')]);
    }));

    it('gitlab: watch events that never settle the Job end with the agent timeout (exit 5), cleaned up', () => fresh(async (w) => {
      w.fake.inject({ verb: 'watch', resource: 'jobs', endlessEvents: true, times: 100 });
      const run = await gitlabAsync('snapshot', { agent: 'true', kubeconfig: w.kubeconfig, namespace: 'gpu-ops', timeout: '2s' }, { env: FAST }).done;
      expect([run.code, run.stderr]).toEqual([5, expect.stringContaining('did not complete within 2s')]);
      expect(w.fake.list('jobs', 'gpu-ops')).toEqual([]);
    }));

    it('action: a watch event line that never ends is refused at 4 MiB (exit 6), cleaned up', () => fresh(async (w) => {
      w.fake.inject({ verb: 'watch', resource: 'jobs', endlessBody: true, times: 100 });
      const run = await actionAsync('snapshot', { agent: 'true', kubeconfig: w.kubeconfig, namespace: 'gpu-ops', timeout: '20s' }, { env: FAST }).done;
      expect([run.code, run.log]).toEqual([6, expect.stringContaining('one watch event to GET /apis/batch/v1/namespaces/gpu-ops/jobs is larger than 4 MiB')]);
      expect(w.fake.list('jobs', 'gpu-ops')).toEqual([]);
    }));

    it('cli: an endless agent log is cut at its cap: a warning, the run succeeds', () => fresh(async (w) => {
      w.fake.inject({ verb: 'get', resource: 'pods/log', endlessBody: true, times: 100 });
      const run = await cliAsync(['snapshot', '--agent', '--debug', '-k', w.kubeconfig, '-n', 'gpu-ops', '--timeout', '20s', '-o', 'snapshot.yaml'], { env: FAST }).done;
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('could not read the agent log');
      expect(run.stderr).toContain('is larger than 1 MiB');
    }));

    it('cli: a kubeconfig credential plugin that hangs ends, with what it started, at the deadline (exit 5)', async () => {
      const bin = tools({ plugin: 'echo $$ >> $PIDS\nsleep 30 &\necho $! >> $PIDS\nwait' });
      const started = Date.now();
      const run = await cliAsync(['recipe', '--snapshot', 'cm://gpu-ops/snap', '-k', execKubeconfig(world.fake.url, `${bin.path.split(':')[0]}/plugin`)], { env: FAST }).done;
      expect([run.code, run.stderr]).toEqual([5, expect.stringContaining('its credential plugin did not finish within')]);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(pidsIn(bin.pids)).toHaveLength(2);
      expect(await stillRunning(pidsIn(bin.pids))).toEqual([]);
    });

    it('gitlab: a credential plugin that prints a bare token is refused without quoting it (exit 4)', async () => {
      const bin = tools({ plugin: 'printf "sekrit-token-0123456789"' });
      const run = await gitlabAsync('recipe', { snapshot: 'cm://gpu-ops/snap', kubeconfig: execKubeconfig(world.fake.url, `${bin.path.split(':')[0]}/plugin`) }, { env: FAST }).done;
      expect([run.code, run.stderr]).toEqual([4, expect.stringContaining('its credential plugin printed malformed JSON')]);
      expect(run.log).not.toContain('sekrit');
    });

    it('action: a credential plugin flooding its output is stopped (exit 4)', async () => {
      // `yes` floods fast, and the deadline is far away: the output cap, not the clock, must stop it.
      const bin = tools({ plugin: 'echo $$ >> $PIDS\nexec yes 0123456789012345678901234567890123456789' });
      const run = await actionAsync('recipe', { snapshot: 'cm://gpu-ops/snap', kubeconfig: execKubeconfig(world.fake.url, `${bin.path.split(':')[0]}/plugin`) }, { env: { AICR_REQUEST_TIMEOUT: '30s' } }).done;
      expect([run.code, run.log]).toEqual([4, expect.stringContaining('its credential plugin printed more than 1048576 bytes, not an ExecCredential')]);
      expect(await stillRunning(pidsIn(bin.pids))).toEqual([]);
    });

    it('cli: a legacy auth-provider that would run a shell without a limit is refused (exit 2)', () => {
      const path = join(scratchDir('kubeconfig'), 'kubeconfig');
      writeFileSync(path, JSON.stringify({ apiVersion: 'v1', kind: 'Config', clusters: [{ name: 'c', cluster: { server: world.fake.url } }], users: [{ name: 'u', user: { 'auth-provider': { name: 'azure', config: { 'cmd-path': 'sleep', 'cmd-args': '3600' } } } }], contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }], 'current-context': 'c' }));
      const run = cli(['recipe', '--snapshot', 'cm://gpu-ops/snap', '-k', path], { env: FAST, timeoutMs: 20_000 });
      expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('auth-provider "azure" runs its cmd-path command through a shell with no time limit')]);
    });
  });

  describe('child processes', () => {
    const xml = join(UPSTREAM_EXAMPLES, 'nvidia-smi-q-x-h100x8.xml');
    const systemctl = join(FIXTURES, 'snapshot', 'systemctl-show.txt');

    it('cli: nvidia-smi that leaves a background child holding its output is read at its exit, the child ended', () => {
      const bin = tools({ 'nvidia-smi': `cat '${xml}'\nsleep 30 &\necho $! >> $PIDS` });
      const started = Date.now();
      const run = cli(['snapshot', '--local', '--timeout', '60s', '-o', 'snapshot.yaml'], { env: { PATH: bin.path } });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/GPU: \d+ readings/);
      expect(Date.now() - started).toBeLessThan(8_000);
      return stillRunning(pidsIn(bin.pids)).then((left) => expect(left).toEqual([]));
    });

    it('gitlab: systemctl that leaves a background child holding its output is read at its exit', async () => {
      const bin = tools({ systemctl: `cat '${systemctl}'\nsleep 30 &\necho $! >> $PIDS` });
      const started = Date.now();
      const run = gitlab('snapshot', { require: 'systemd', timeout: '60s' }, { env: { PATH: bin.path } });
      expect(run.code, run.stderr).toBe(0);
      expect(Date.now() - started).toBeLessThan(8_000);
      expect(await stillRunning(pidsIn(bin.pids))).toEqual([]);
    });

    it('action: nvidia-smi that hangs, with a child of its own, ends at the snapshot deadline', async () => {
      const bin = tools({ 'nvidia-smi': "trap '' TERM\necho $$ >> $PIDS\nsleep 30 &\necho $! >> $PIDS\nwait" });
      const started = Date.now();
      const run = action('snapshot', { timeout: '2s' }, { env: { PATH: bin.path } });
      expect(run.code, run.log).toBe(0);
      expect(run.outputs.unavailable).toContain('gpu');
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(await stillRunning(pidsIn(bin.pids))).toEqual([]);
    });

    it('cli: nvidia-smi that floods its output is stopped at the cap (exit 3 with --require gpu)', async () => {
      const bin = tools({ 'nvidia-smi': 'echo $$ >> $PIDS\nexec yes "<gpu>flood</gpu>"' });
      const run = cli(['snapshot', '--local', '--require', 'gpu', '--timeout', '60s'], { env: { PATH: bin.path } });
      expect([run.code, run.stderr]).toEqual([3, expect.stringMatching(/required source unavailable: gpu \(nvidia-smi printed more than \d+ bytes\)/)]);
      expect(await stillRunning(pidsIn(bin.pids))).toEqual([]);
    });

    it('action: helm-lint does not wait on a background child that keeps helm\'s output open', async () => {
      const workspace = scratchDir('helm-lint');
      expect(cli(['recipe', '--service', 'eks', '--accelerator', 'h100', '--intent', 'training', '-o', 'recipe.yaml'], { cwd: workspace }).code).toBe(0);
      const bin = tools({ helm: '[ "$1" = version ] && { echo v3.16.0; exit 0; }\necho rendered\nsleep 30 &\necho $! >> $PIDS' });
      const started = Date.now();
      const run = action('bundle', { recipe: 'recipe.yaml', 'helm-lint': 'true', summary: 'false' }, { cwd: workspace, env: { PATH: bin.path } });
      expect(run.code, run.log).toBe(0);
      expect(run.log).toMatch(/helm template \S+.*: ok/);
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(await stillRunning(pidsIn(bin.pids))).toEqual([]);
    });
  });

  describe('--data directories', () => {
    const registry = 'kind: ComponentRegistry\napiVersion: aicr.nvidia.com/v1alpha1\ncomponents: []\n';

    it('cli: files adding up past 100 MiB (exit 2, naming --data)', () => {
      const dir = scratchDir('data-big');
      writeFileSync(join(dir, 'registry.yaml'), registry);
      // Sparse: the sizes count, the disk stays empty.
      for (let i = 0; i < 11; i++) {
        writeFileSync(join(dir, `part-${i}.yaml`), '');
        truncateSync(join(dir, `part-${i}.yaml`), 10 * 1024 * 1024);
      }
      const run = cli(['recipe', '--service', 'eks', '--data', dir]);
      expect([run.code, run.stderr]).toEqual([2, expect.stringContaining(`--data: failed to load the data directory ${dir}: its files add up to more than 104857600 bytes`)]);
    });

    it('action: more than 10000 entries (exit 2, naming input "data"), without walking them all', () => {
      const dir = scratchDir('data-many');
      writeFileSync(join(dir, 'registry.yaml'), registry);
      mkdirSync(join(dir, 'many'));
      for (let i = 0; i < 10_001; i++) writeFileSync(join(dir, 'many', `f${i}`), '');
      const run = action('recipe', { service: 'eks', data: dir });
      expect(run.code).toBe(2);
      expect(run.log).toContain(`::error::[INVALID_REQUEST] input "data": failed to load the data directory ${dir}: it holds more than 10000 files and folders`);
    });

    it('gitlab: folders nested deeper than 32 levels (exit 2, naming input "data")', () => {
      const dir = scratchDir('data-deep');
      writeFileSync(join(dir, 'registry.yaml'), registry);
      mkdirSync(join(dir, ...Array.from({ length: 33 }, () => 'd')), { recursive: true });
      const run = gitlab('recipe', { service: 'eks', data: dir });
      expect([run.code, run.stderr]).toEqual([2, expect.stringContaining(`input "data": failed to load the data directory ${dir}: d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d is nested deeper than 32 folders`)]);
    });
  });

  it('the documents read above are the ones a real run reads (control: a bounded-size ConfigMap passes)', async () => {
    const world = await startWorld();
    try {
      const run = await cliAsync(['recipe', '--snapshot', 'cm://gpu-ops/snap', '-k', world.kubeconfig], { env: FAST }).done;
      expect(run.code, run.stderr).toBe(0);
      expect(readFileSync(join(FIXTURES, 'kube', 'agent-snapshot.yaml'), 'utf8')).toBe(AGENT_SNAPSHOT);
    } finally {
      await world.close();
    }
  });
});
