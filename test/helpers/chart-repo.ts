/** A Helm chart repository served on 127.0.0.1 by the test: charts packaged and indexed by the real helm. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { expect } from 'vitest';
import { tempDir } from './catalog.js';

export interface ChartRepository {
  /** http://127.0.0.1:<port>, the repository URL recipes name. */
  url: string;
  close(): Promise<void>;
}

/** Packages each chart folder with `helm package`, indexes them with `helm repo index` and serves the folder. */
export async function serveChartRepository(helm: string, charts: readonly string[], env?: NodeJS.ProcessEnv): Promise<ChartRepository> {
  const repo = tempDir('aicr-chart-repo-');
  const server = createServer((request, response) => {
    const path = normalize(join(repo, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(repo)) return void response.writeHead(403).end();
    try {
      response.writeHead(200).end(readFileSync(path));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const args of [...charts.map((chart) => ['package', chart, '-d', repo]), ['repo', 'index', repo, '--url', url]]) {
    const result = spawnSync(helm, args, { encoding: 'utf8', ...(env ? { env } : {}) });
    expect(result.status, result.stderr).toBe(0);
  }
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
