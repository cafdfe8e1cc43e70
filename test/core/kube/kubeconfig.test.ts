/**
 * Kubeconfigs never leak: a load error says what and where but quotes nothing, the server URL's
 * userinfo, exec-plugin output and env values, and tokens a server echoes never reach a message.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatError } from '../../../src/core/errors.js';
import { getKubeClient, resetKubeClients } from '../../../src/core/kube/client.js';
import { kubeconfigLoadError } from '../../../src/core/kube/kubeconfig.js';
import { forgetSecrets } from '../../../src/core/redact.js';
import { rejection } from '../../helpers/errors.js';

const fast = { baseDelayMs: 5, maxDelayMs: 20, attempts: 1, requestTimeoutMs: 2_000, deadlineMs: 3_000 };
const SECRET = 'SUPERSECRETTOKEN123';

afterEach(() => {
  resetKubeClients();
  forgetSecrets();
});

function writeConfig(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'aicr-kubeconfig-')), 'config');
  writeFileSync(path, text);
  return path;
}

function config(user: Record<string, unknown>, server = 'https://127.0.0.1:1'): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster: { server, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'u', user }],
    contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
    'current-context': 'x',
  });
}

const MALFORMED = `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: https://user:pass@127.0.0.1:6443
  name: c
users:
- name: u
  user:
    token: ${SECRET}
   bad: indent
contexts:
- context: {cluster: c, user: u}
  name: x
current-context: x
`;

describe('kubeconfig load errors', () => {
  it('say what is wrong and where, and quote nothing of the file', async () => {
    const path = writeConfig(MALFORMED);
    const error = await rejection(getKubeClient({ kubeconfig: path }));
    expect(error.exitCode).toBe(2);
    expect(error.location).toEqual({ file: path, line: 11, column: 4 });
    const text = formatError(error);
    expect(text).toContain(`cannot load kubeconfig ${path}:11:4: malformed YAML: bad indentation of a mapping entry`);
    for (const leaked of [SECRET, 'token:', 'user:pass', 'name: u', 'context: {', 'bad: indent', ' | ']) expect(text).not.toContain(leaked);
    expect(error.cause).toBeUndefined(); // the library's message (with the snippet) is not kept either
  });

  it('cut a reason off before any text taken from the file', () => {
    const fromFile = (reason: string) => Object.assign(new Error(`${reason} (3:1)\n\n 3 | token: ${SECRET}`), { name: 'YAMLException', reason, mark: { line: 2, column: 0 } });
    for (const reason of [`unidentified alias "${SECRET}"`, `unknown tag !<${SECRET}>`, `tag prefix is malformed: ${SECRET}`, `undeclared tag handle "${SECRET}"`]) {
      const message = kubeconfigLoadError('kc', fromFile(reason)).message;
      expect(message).not.toContain(SECRET);
      expect(message).toMatch(/^cannot load kubeconfig kc:3:1: malformed YAML: \w/);
    }
    expect(kubeconfigLoadError('kc', new TypeError(`Cannot read properties of ${SECRET}`)).message).toBe('cannot load kubeconfig kc: it is not a kubeconfig document');
    expect(kubeconfigLoadError('kc', new Error('users[0].name is missing')).message).toBe('cannot load kubeconfig kc: users[0].name is missing');
  });

  it('never show a JSON kubeconfig\'s text either', async () => {
    const error = await rejection(getKubeClient({ kubeconfig: writeConfig(`{"users": [{"name": "u", "user": {"token": "${SECRET}"}}], "clusters": [`) }));
    expect(error.exitCode).toBe(2);
    expect(formatError(error)).not.toContain(SECRET);
  });
});

describe('credentials in messages', () => {
  it('the server URL\'s userinfo is never shown', async () => {
    const client = await getKubeClient({ kubeconfig: writeConfig(config({ token: 'x' }, 'https://admin:HUNTER2PASSWORD@127.0.0.1:1')), retry: fast });
    const error = await rejection(client.call({ verb: 'get', resource: 'version' }, { path: '/version' }));
    expect(error.exitCode).toBe(6);
    expect(error.message).toContain('https://<redacted>@127.0.0.1:1');
    expect(formatError(error)).not.toMatch(/HUNTER2|admin:/);
  });

  it('an exec plugin\'s env values and output never reach the message', async () => {
    const failing = { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: process.execPath, args: ['-e', 'process.stderr.write("login failed for " + process.env.AWS_SECRET_ACCESS_KEY + "\\nmore detail"); process.exit(1)'], env: [{ name: 'AWS_SECRET_ACCESS_KEY', value: 'EXECENVSECRET42' }], interactiveMode: 'Never' } };
    const client = await getKubeClient({ kubeconfig: writeConfig(config(failing)), retry: fast });
    const error = await rejection(client.call({ verb: 'get', resource: 'version' }, { path: '/version' }));
    expect(error.exitCode).toBe(4);
    expect(formatError(error)).toContain('its credential plugin failed: login failed for <redacted>');
    expect(formatError(error)).not.toMatch(/EXECENVSECRET42|more detail/);

    resetKubeClients();
    const malformed = { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: process.execPath, args: ['-e', `process.stdout.write('{"status": {"token": "${SECRET}"')`], interactiveMode: 'Never' } };
    const other = await getKubeClient({ kubeconfig: writeConfig(config(malformed)), retry: fast });
    const garbled = await rejection(other.call({ verb: 'get', resource: 'version' }, { path: '/version' }));
    expect(garbled.exitCode).toBe(4);
    expect(formatError(garbled)).toContain('its credential plugin printed malformed JSON');
    expect(formatError(garbled)).not.toContain(SECRET);
  });

  it('a missing client certificate is named; a plain http server keeps its own message', async () => {
    const client = await getKubeClient({ kubeconfig: writeConfig(config({ 'client-certificate': '/nonexistent/client.crt', 'client-key-data': 'S0VZREFUQVNFQ1JFVA==' })), retry: fast });
    const unreadable = await rejection(client.call({ verb: 'get', resource: 'version' }, { path: '/version' }));
    expect(unreadable.exitCode).toBe(2);
    expect(unreadable.message).toMatch(/^cannot read \/nonexistent\/client\.crt named by kubeconfig .* \(ENOENT\)$/);
    expect(formatError(unreadable)).not.toContain('S0VZREFUQVNFQ1JFVA==');

    resetKubeClients();
    const plain = await getKubeClient({ kubeconfig: writeConfig(JSON.stringify({ clusters: [{ name: 'c', cluster: { server: 'http://127.0.0.1:1' } }], users: [{ name: 'u', user: { token: SECRET } }], contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }], 'current-context': 'x' })), retry: fast });
    const refused = await rejection(plain.call({ verb: 'get', resource: 'version' }, { path: '/version' }));
    expect(refused.exitCode).toBe(2);
    expect(refused.message).toContain('plain http:// server');
  });

  describe('a server that echoes the request', () => {
    let server: Server;
    afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('never gets the bearer token into a message', async () => {
      server = createServer((req, res) => {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ kind: 'Status', status: 'Failure', code: 401, reason: 'Unauthorized', message: `token rejected: Authorization: ${req.headers.authorization}` }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const client = await getKubeClient({ kubeconfig: writeConfig(config({ token: SECRET }, url)), retry: fast });
      const error = await rejection(client.call({ verb: 'get', resource: 'version' }, { path: '/version' }));
      expect(error.exitCode).toBe(4);
      expect(formatError(error)).toContain('token rejected');
      expect(formatError(error)).not.toContain(SECRET);
    });
  });
});
