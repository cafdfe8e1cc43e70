/**
 * Throwaway TLS certificates made with the openssl CLI, one per way a server certificate can be
 * wrong, and an https server on 127.0.0.1 that presents one of them and counts connections (a
 * certificate failure must cost exactly one).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { tempDir } from './catalog.js';

export type CertificateCase = 'valid' | 'self-signed' | 'expired' | 'wrong-host' | 'unknown-ca';

export interface CertificateSet {
  /** The CA a client should trust (PEM file). */
  caFile: string;
  /** Key and certificate (PEM texts) of each case. */
  servers: Record<CertificateCase, { key: string; cert: string }>;
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'ignore' });
}

function makeCa(dir: string, name: string): void {
  openssl(['req', '-x509', ...EC, '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '2', '-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign'], dir);
}

/** A leaf for `san`, signed by `ca`, valid for `days` (-1: expired before it starts). */
function makeLeaf(dir: string, name: string, ca: string, san: string, days: number): void {
  writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${san}\n`);
  openssl(['req', ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`], dir);
  openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-set_serial', String(Date.now()), '-out', `${name}.pem`, '-days', String(days), '-extfile', `${name}.ext`], dir);
}

/** Makes the CA and one server certificate per case (about a second with EC keys). */
export function makeCertificates(): CertificateSet {
  const dir = tempDir('aicr-certs-');
  makeCa(dir, 'trusted-ca');
  makeCa(dir, 'other-ca');
  makeLeaf(dir, 'valid', 'trusted-ca', 'IP:127.0.0.1', 2);
  makeLeaf(dir, 'expired', 'trusted-ca', 'IP:127.0.0.1', -1);
  makeLeaf(dir, 'wrong-host', 'trusted-ca', 'DNS:example.com', 2);
  makeLeaf(dir, 'unknown-ca', 'other-ca', 'IP:127.0.0.1', 2);
  openssl(['req', '-x509', ...EC, '-keyout', 'self-signed.key', '-out', 'self-signed.pem', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], dir);
  const read = (name: string) => ({ key: readFileSync(join(dir, `${name}.key`), 'utf8'), cert: readFileSync(join(dir, `${name}.pem`), 'utf8') });
  return {
    caFile: join(dir, 'trusted-ca.pem'),
    servers: { valid: read('valid'), 'self-signed': read('self-signed'), expired: read('expired'), 'wrong-host': read('wrong-host'), 'unknown-ca': read('unknown-ca') },
  };
}

export interface CountingHttpsServer {
  url: string;
  /** TCP connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

/** An https server on 127.0.0.1 presenting `certificate`; answers with `handler`. */
export async function startCountingHttps(certificate: { key: string; cert: string }, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<CountingHttpsServer> {
  const server: Server = createServer(certificate, handler);
  let connections = 0;
  server.on('connection', () => connections++);
  // The client hangs up mid-handshake when it rejects the certificate: not the server's error.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `https://127.0.0.1:${port}`,
    connections: () => connections,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
