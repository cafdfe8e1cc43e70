/** The fake artifact service, driven by the real @actions/artifact client. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeArtifacts } from './server.js';

// @actions/github reads GITHUB_API_URL when it is first imported: one fake for the file, started first.
const fake = await startFakeArtifacts();
process.env.GITHUB_API_URL = fake.url;
const { DefaultArtifactClient } = await import('@actions/artifact');
let dir: string;
const saved = { ...process.env };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aicr-fake-artifacts-'));
});
afterEach(() => {
  process.env = { ...saved };
  rmSync(dir, { recursive: true, force: true });
});
afterAll(() => fake.close());

function inRun(run = fake.startRun()): void {
  Object.assign(process.env, fake.env(run), { GITHUB_WORKSPACE: dir });
}

function files(): { root: string; paths: string[] } {
  const root = join(dir, 'src');
  mkdirSync(join(root, 'sub'), { recursive: true });
  writeFileSync(join(root, 'a.yaml'), 'kind: Snapshot\napiVersion: aicr.run/v1\n');
  writeFileSync(join(root, 'sub', 'b.txt'), 'x'.repeat(100_000));
  return { root, paths: [join(root, 'a.yaml'), join(root, 'sub', 'b.txt')] };
}

describe('fake artifact service with the real client', () => {
  it('uploads through blocks, lists, finds and downloads in the same run', async () => {
    inRun();
    const client = new DefaultArtifactClient();
    const { root, paths } = files();
    const uploaded = await client.uploadArtifact('snap', paths, root, { retentionDays: 3 });
    expect(uploaded.id).toBeGreaterThan(0);
    expect(uploaded.digest).toMatch(/^[0-9a-f]{64}$/);
    const stored = fake.artifacts.find((a) => a.id === uploaded.id)!;
    expect(stored.digest).toBe(`sha256:${uploaded.digest}`);
    expect(stored.expiresAt).toBeDefined();
    expect(fake.requests.some((r) => r.path.startsWith('/blob/upload/'))).toBe(true);

    const { artifacts } = await client.listArtifacts();
    expect(artifacts.map((a) => a.name)).toEqual(['snap']);
    const { artifact } = await client.getArtifact('snap');
    expect(artifact).toMatchObject({ id: uploaded.id, digest: `sha256:${uploaded.digest}`, size: stored.size });

    const out = join(dir, 'out');
    const downloaded = await client.downloadArtifact(artifact.id, { path: out, expectedHash: artifact.digest! });
    expect(downloaded.digestMismatch).toBe(false);
    expect(readFileSync(join(out, 'a.yaml'), 'utf8')).toBe('kind: Snapshot\napiVersion: aicr.run/v1\n');
    expect(readFileSync(join(out, 'sub', 'b.txt'), 'utf8')).toHaveLength(100_000);
  });

  it('refuses a second artifact of the same name in a run and reports a missing one', async () => {
    inRun();
    const client = new DefaultArtifactClient();
    const { root, paths } = files();
    await client.uploadArtifact('dup', paths, root);
    await expect(client.uploadArtifact('dup', paths, root)).rejects.toThrow(/already exists/);
    await expect(client.getArtifact('nope')).rejects.toThrow(/Artifact not found for name: nope/);
  });

  it('keeps runs apart and serves an earlier run through the REST API (findBy)', async () => {
    const first = fake.startRun();
    inRun(first);
    const { root, paths } = files();
    const uploaded = await new DefaultArtifactClient().uploadArtifact('baseline', paths, root);
    fake.finish(first, 'success');

    inRun();
    const client = new DefaultArtifactClient();
    expect((await client.listArtifacts()).artifacts).toEqual([]);
    const findBy = { workflowRunId: first.id, repositoryOwner: fake.owner, repositoryName: fake.repo, token: fake.githubToken };
    const { artifact } = await client.getArtifact('baseline', { findBy });
    expect(artifact.id).toBe(uploaded.id);
    const out = join(dir, 'earlier');
    const result = await client.downloadArtifact(artifact.id, { path: out, findBy, expectedHash: artifact.digest! });
    expect(result.digestMismatch).toBe(false);
    expect(readFileSync(join(out, 'a.yaml'), 'utf8')).toBe('kind: Snapshot\napiVersion: aicr.run/v1\n');
    await expect(client.getArtifact('baseline', { findBy: { ...findBy, token: 'wrong' } })).rejects.toThrow(/Bad credentials/);
  });

  it('reports a digest mismatch when the stored bytes change', async () => {
    inRun();
    const client = new DefaultArtifactClient();
    const { root, paths } = files();
    const uploaded = await client.uploadArtifact('t', paths, root);
    const good = fake.artifacts.find((a) => a.id === uploaded.id)!;
    fake.tamper(uploaded.id!, Buffer.concat([good.bytes, Buffer.from('junk')]));
    const result = await client.downloadArtifact(uploaded.id!, { path: join(dir, 'o'), expectedHash: good.digest!, skipDecompress: true });
    expect(result.digestMismatch).toBe(true);
  });

  it('deletes an artifact and lists the workflow\'s runs by status', async () => {
    const run = fake.startRun('nightly.yml');
    inRun(run);
    const client = new DefaultArtifactClient();
    const { root, paths } = files();
    await client.uploadArtifact('gone', paths, root);
    const { id } = await client.deleteArtifact('gone');
    expect(fake.artifacts.some((a) => a.id === id)).toBe(false);
    fake.finish(run, 'success');
    fake.finish(fake.startRun('nightly.yml'), 'failure');
    const response = await fetch(`${fake.url}/repos/${fake.owner}/${fake.repo}/actions/workflows/nightly.yml/runs?status=success`, { headers: { authorization: `Bearer ${fake.githubToken}` } });
    expect(((await response.json()) as { workflow_runs: Array<{ id: number }> }).workflow_runs.map((r) => r.id)).toEqual([run.id]);
  });

  it('refuses blob URLs it did not sign', async () => {
    inRun();
    const { root, paths } = files();
    const uploaded = await new DefaultArtifactClient().uploadArtifact('s', paths, root);
    const response = await fetch(`${fake.url}/blob/download/${uploaded.id}/s.zip?sig=forged`);
    expect(response.status).toBe(403);
  });
});
