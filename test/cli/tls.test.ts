// TLS certificate failures of https documents (io.ts) and of the Kubernetes client: one
// connection (never retried), exit 6, and a message that says what is wrong with the certificate.
// Certificates come from openssl (test/helpers/certs.ts); the URL cases run the built CLI so that
// NODE_EXTRA_CA_CERTS makes the test CA trusted, as a user would.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetKubeClients } from '../../src/core/kube/client.js';
import { tempDir } from '../helpers/catalog.js';
import { makeCertificates, startCountingHttps, type CertificateCase, type CertificateSet } from '../helpers/certs.js';
import { runBinAsync, runCli } from '../helpers/cli.js';

const CRITERIA = 'kind: RecipeCriteria\napiVersion: aicr.run/v1\nspec:\n  service: eks\n  intent: training\n';

const FAILURES: Array<[Exclude<CertificateCase, 'valid'>, string, string]> = [
  ['self-signed', 'certificate is self-signed and not trusted (DEPTH_ZERO_SELF_SIGNED_CERT', 'certificate-authority'],
  ['expired', 'certificate has expired (CERT_HAS_EXPIRED', 'rotated'],
  ['wrong-host', 'certificate is for another host name (ERR_TLS_CERT_ALTNAME_INVALID', 'the certificate names DNS:example.com'],
  ['unknown-ca', 'certificate was issued by an unknown certificate authority (UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'certificate-authority'],
];

let certs: CertificateSet;
beforeAll(() => {
  certs = makeCertificates();
});

describe('an https document whose server certificate is not trusted', () => {
  const env = () => ({ PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: certs.caFile });

  it('is read when the certificate is valid and its CA trusted (the setup works), and --debug hides secrets', async () => {
    const server = await startCountingHttps(certs.servers.valid, (_req, res) => res.end(CRITERIA));
    try {
      const result = await runBinAsync(['--debug', 'recipe', '--criteria', `${server.url}/criteria.yaml?token=hunter2-secret`], { env: env() });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('service: eks');
      // --debug names the request and its answer, never a secret query parameter.
      expect(result.stderr).toContain(`debug: GET ${server.url}/criteria.yaml?token=<redacted> answered HTTP 200`);
      expect(result.stderr).not.toContain('hunter2');
    } finally {
      await server.close();
    }
  });

  it.each(FAILURES)('%s: exit 6 after one connection, saying what is wrong', async (which, problem) => {
    const server = await startCountingHttps(certs.servers[which], (_req, res) => res.end(CRITERIA));
    try {
      const result = await runBinAsync(['recipe', '--criteria', `${server.url}/criteria.yaml`, '--debug'], { env: env() });
      expect(result.code, result.stderr).toBe(6);
      expect(result.stderr).toContain(`--criteria: cannot fetch ${server.url}/criteria.yaml: the server ${problem}`);
      expect(result.stderr).toMatch(/hint: .*(NODE_EXTRA_CA_CERTS|renewed|host name the certificate was issued for)/);
      expect(server.connections()).toBe(1);
      expect(result.stdout).toBe('');
    } finally {
      await server.close();
    }
  });
});

describe('a Kubernetes API server whose certificate is not trusted', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('aicr-kube-tls-');
  });
  afterAll(() => resetKubeClients());

  function kubeconfig(server: string): string {
    const path = join(dir, `kubeconfig-${server.replace(/\D/g, '')}`);
    const ca = Buffer.from(readFileSync(certs.caFile)).toString('base64');
    writeFileSync(path, [
      'apiVersion: v1', 'kind: Config', 'current-context: t',
      'clusters:', `- name: t`, '  cluster:', `    server: ${server}`, `    certificate-authority-data: ${ca}`,
      'users:', '- name: u', '  user:', '    token: secret-token-value',
      'contexts:', '- name: t', '  context:', '    cluster: t', '    user: u', '',
    ].join('\n'));
    return path;
  }

  const configMap = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'criteria', namespace: 'ci' }, data: { 'snapshot.yaml': CRITERIA } });

  it('reads a ConfigMap when the certificate is signed by the kubeconfig\'s CA (the setup works)', async () => {
    resetKubeClients();
    const server = await startCountingHttps(certs.servers.valid, (_req, res) => res.setHeader('content-type', 'application/json').end(configMap));
    try {
      const result = await runCli(['recipe', '--criteria', 'cm://ci/criteria', '--kubeconfig', kubeconfig(server.url)]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('service: eks');
    } finally {
      resetKubeClients();
      await server.close();
    }
  });

  it.each(FAILURES)('%s: exit 6 after one connection, not retried, saying what is wrong', async (which, problem, hint) => {
    resetKubeClients();
    const server = await startCountingHttps(certs.servers[which], (_req, res) => res.end(configMap));
    try {
      const result = await runCli(['recipe', '--criteria', 'cm://ci/criteria', '--kubeconfig', kubeconfig(server.url), '--debug']);
      expect(result.code, result.stderr).toBe(6);
      expect(result.stderr).toContain('is not trusted: the server ' + problem);
      expect(result.stderr).toContain('not retried');
      expect(result.stderr).not.toContain('retrying');
      expect(result.stderr).toMatch(new RegExp(`hint: .*(certificate-authority|rotated|server address)`));
      expect(result.stderr).toContain(hint);
      expect(result.stderr).not.toContain('secret-token-value');
      expect(server.connections()).toBe(1);
    } finally {
      resetKubeClients();
      await server.close();
    }
  });
});
