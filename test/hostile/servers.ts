/**
 * Places a run waits on that the test controls, so a signal or a competing write lands while
 * the run has provably started its work: an HTTPS document whose answer is held until released
 * (the request arriving is the proof), and a node tool that writes a marker, then hangs.
 */
import type { ServerResponse } from 'node:http';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { startHttps } from '../helpers/https.js';
import { scratchDir } from './doors.js';

export interface HeldDocument {
  /** URL of the document (any path serves it). */
  url: string;
  /** Environment a child needs to trust the server. */
  env: { NODE_EXTRA_CA_CERTS: string };
  /** Resolves when the first request has arrived (the run is waiting on it). */
  arrived: Promise<void>;
  /** Answers every held request, and later ones at once, with `body`. */
  release(body: string): void;
  close(): Promise<void>;
}

async function heldDocument(): Promise<HeldDocument> {
  const held: ServerResponse[] = [];
  let body: string | undefined;
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const server = await startHttps((_req, res) => {
    if (body !== undefined) return void res.end(body);
    held.push(res);
    arrive();
  });
  return {
    url: `${server.url}/document.yaml`,
    env: { NODE_EXTRA_CA_CERTS: server.caFile },
    arrived,
    release(text) {
      body = text;
      for (const res of held.splice(0)) res.end(text);
    },
    async close() {
      for (const res of held.splice(0)) res.destroy();
      await server.close();
    },
  };
}

/**
 * A PATH whose nvidia-smi writes its pid to `marker` and then hangs: a local snapshot is
 * provably collecting once the marker exists.
 */
export function hangingNvidiaSmi(): { env: { PATH: string }; marker: string } {
  const dir = scratchDir('tools');
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const marker = join(dir, 'nvidia-smi.pid');
  writeFileSync(join(bin, 'nvidia-smi'), `#!/bin/sh\necho $$ > '${marker}'\nexec sleep 120\n`);
  chmodSync(join(bin, 'nvidia-smi'), 0o755);
  return { env: { PATH: `${bin}:/usr/bin:/bin` }, marker };
}

/** A `held()` for a test file: each held document's server is closed after its test. */
export function useHeldDocuments(): () => Promise<HeldDocument> {
  let servers: HeldDocument[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((server) => server.close()));
    servers = [];
  });
  return async () => {
    const server = await heldDocument();
    servers.push(server);
    return server;
  };
}
