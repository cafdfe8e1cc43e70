/**
 * A local HTTPS server with a throwaway self-signed certificate (made with the openssl CLI),
 * for testing URL inputs end to end. Children trust it through NODE_EXTRA_CA_CERTS.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { tempDir } from './catalog.js';

export interface HttpsFixture {
  url: string;
  caFile: string;
  close(): Promise<void>;
}

export async function startHttps(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<HttpsFixture> {
  const dir = tempDir('aicr-tls-');
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const server: Server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `https://127.0.0.1:${port}`,
    caFile: cert,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
