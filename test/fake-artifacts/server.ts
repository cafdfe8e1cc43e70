/**
 * A stand-in for GitHub's artifact service that the real `@actions/artifact` client (v6) talks to,
 * on 127.0.0.1. What it implements, as the client uses it:
 *
 * - the results service's Twirp JSON API, `POST /twirp/github.actions.results.api.v1.ArtifactService/<Method>`
 *   with the runtime token as bearer: CreateArtifact, FinalizeArtifact, ListArtifacts (the whole
 *   run's finalized artifacts, name and id filters), GetSignedArtifactURL, DeleteArtifact; snake_case
 *   JSON bodies, int64 as strings, errors as Twirp `{code, msg}` bodies;
 * - the signed blob URLs: Azure block-blob upload (`PUT ?comp=block&blockid=…`, then
 *   `PUT ?comp=blocklist` with the XML block list; a single-shot `PUT` too) and download (`GET`,
 *   `application/zip`); a URL whose `sig` was not issued by this server is refused with 403;
 * - the REST API the client uses for other runs (`findBy`, through octokit at GITHUB_API_URL):
 *   `GET /repos/{o}/{r}/actions/runs/{run}/artifacts[?name=]` (paginated),
 *   `GET /repos/{o}/{r}/actions/artifacts/{id}/zip` (302 to a signed URL), and
 *   `GET /repos/{o}/{r}/actions/workflows/{file}/runs` (status filter), with the GitHub token as bearer.
 *
 * Tests reach the state directly: `runs` (each run's ids and conclusion), `artifacts`,
 * `tamper(id, bytes)` (serve other bytes than were digested) and `seed(...)` (an artifact with
 * arbitrary zip bytes, e.g. hostile entries).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const SERVICE = 'github.actions.results.api.v1.ArtifactService';
/** Largest request body accepted (a block is at most 8 MiB with the client's chunk size). */
const MAX_BODY = 64 * 1024 * 1024;

export interface FakeRun {
  /** The numeric run id (GITHUB_RUN_ID). */
  id: number;
  /** The results service's ids of the run and its job (the runtime token's scope). */
  backendId: string;
  jobBackendId: string;
  /** Workflow file name (`drift.yml`) the run belongs to. */
  workflow: string;
  status: 'completed' | 'in_progress';
  conclusion: 'success' | 'failure' | null;
}

interface FakeArtifact {
  id: number;
  name: string;
  runBackendId: string;
  jobBackendId: string;
  finalized: boolean;
  /** Bytes served for download. */
  bytes: Buffer;
  /** `sha256:<hex>` as the uploader finalized it. */
  digest?: string;
  size: number;
  createdAt: string;
  expiresAt?: string;
  mimeType?: string;
  /** Uploaded blocks not yet committed. */
  blocks: Map<string, Buffer>;
}

interface FakeRequest {
  method: string;
  path: string;
  body?: unknown;
}

export interface FakeArtifacts {
  url: string;
  owner: string;
  repo: string;
  /** The token the REST routes accept. */
  githubToken: string;
  runs: FakeRun[];
  artifacts: FakeArtifact[];
  requests: FakeRequest[];
  /** A new run of a workflow (in progress until `finish`). */
  startRun(workflow?: string): FakeRun;
  finish(run: FakeRun, conclusion: 'success' | 'failure'): void;
  /** The environment a job of the run sees (the runner's variables the client reads). */
  env(run: FakeRun): Record<string, string>;
  /** A finalized artifact with the given bytes (digest of those bytes unless given). */
  seed(run: FakeRun, name: string, bytes: Buffer, digest?: string): FakeArtifact;
  /** Serves other bytes for an artifact than the ones its digest was computed from. */
  tamper(id: number, bytes: Buffer): void;
  close(): Promise<void>;
}

export interface FakeArtifactsOptions {
  owner?: string;
  repo?: string;
}

class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, 'resource_exhausted', 'request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function base64url(value: string): string {
  return Buffer.from(value).toString('base64url');
}

/** An unsigned JWT whose `scp` claim names the run and job, as the client decodes it. */
function runtimeToken(run: FakeRun): string {
  const payload = { scp: `Actions.ExampleScope Actions.Results:${run.backendId}:${run.jobBackendId}`, iss: 'fake-artifacts', exp: 4102444800 };
  return `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}.sig`;
}

function uuid(): string {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export async function startFakeArtifacts(options: FakeArtifactsOptions = {}): Promise<FakeArtifacts> {
  const secret = randomBytes(16);
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'clusters';
  const githubToken = `ghs_${randomBytes(12).toString('hex')}`;
  const runs: FakeRun[] = [];
  const artifacts: FakeArtifact[] = [];
  const requests: FakeRequest[] = [];
  let nextRunId = 7001;
  let nextArtifactId = 900;
  let base = '';

  const sign = (path: string): string => createHmac('sha256', secret).update(path).digest('hex');
  const signedUrl = (kind: 'upload' | 'download', artifact: FakeArtifact): string => {
    const path = `/blob/${kind}/${artifact.id}/${encodeURIComponent(artifact.name)}.zip`;
    return `${base}${path}?sv=2024-01-01&se=2099-01-01T00%3A00%3A00Z&sig=${sign(path)}`;
  };
  const runByToken = (req: IncomingMessage): FakeRun => {
    const auth = req.headers.authorization ?? '';
    const run = runs.find((candidate) => auth === `Bearer ${runtimeToken(candidate)}`);
    if (!run) throw new HttpError(401, 'unauthenticated', 'invalid runtime token');
    return run;
  };
  const finalizedOf = (runBackendId: string): FakeArtifact[] => artifacts.filter((a) => a.finalized && a.runBackendId === runBackendId);

  function twirp(method: string, body: Record<string, unknown>, run: FakeRun): unknown {
    if (body.workflow_run_backend_id !== run.backendId || body.workflow_job_run_backend_id !== run.jobBackendId) {
      throw new HttpError(403, 'permission_denied', 'backend ids do not match the token');
    }
    const name = typeof body.name === 'string' ? body.name : '';
    switch (method) {
      case 'CreateArtifact': {
        if (finalizedOf(run.backendId).some((a) => a.name === name)) throw new HttpError(409, 'already_exists', `an artifact with this name already exists on the workflow run: ${name}`);
        const artifact: FakeArtifact = {
          id: nextArtifactId++, name, runBackendId: run.backendId, jobBackendId: run.jobBackendId, finalized: false, bytes: Buffer.alloc(0), size: 0,
          createdAt: new Date().toISOString(), blocks: new Map(),
          ...(typeof body.expires_at === 'string' ? { expiresAt: body.expires_at } : {}),
          ...(typeof body.mime_type === 'string' ? { mimeType: body.mime_type } : {}),
        };
        artifacts.push(artifact);
        return { ok: true, signed_upload_url: signedUrl('upload', artifact) };
      }
      case 'FinalizeArtifact': {
        const artifact = artifacts.find((a) => !a.finalized && a.runBackendId === run.backendId && a.name === name);
        if (!artifact) throw new HttpError(404, 'not_found', `no artifact upload in progress: ${name}`);
        if (String(artifact.bytes.length) !== String(body.size)) throw new HttpError(400, 'invalid_argument', `size ${String(body.size)} does not match the uploaded ${artifact.bytes.length} bytes`);
        const hash = typeof body.hash === 'string' ? body.hash : undefined;
        if (hash !== undefined && hash !== sha256(artifact.bytes)) throw new HttpError(400, 'invalid_argument', 'hash does not match the uploaded bytes');
        artifact.finalized = true;
        artifact.size = artifact.bytes.length;
        artifact.digest = hash ?? sha256(artifact.bytes);
        return { ok: true, artifact_id: String(artifact.id) };
      }
      case 'ListArtifacts': {
        const nameFilter = typeof body.name_filter === 'string' ? body.name_filter : undefined;
        const idFilter = typeof body.id_filter === 'string' ? body.id_filter : undefined;
        const list = finalizedOf(run.backendId).filter((a) => (nameFilter === undefined || a.name === nameFilter) && (idFilter === undefined || String(a.id) === idFilter));
        return {
          artifacts: list.map((a) => ({
            workflow_run_backend_id: a.runBackendId, workflow_job_run_backend_id: a.jobBackendId, database_id: String(a.id), name: a.name,
            size: String(a.size), created_at: a.createdAt, ...(a.digest ? { digest: a.digest } : {}),
          })),
        };
      }
      case 'GetSignedArtifactURL': {
        const artifact = finalizedOf(run.backendId).find((a) => a.name === name);
        if (!artifact) throw new HttpError(404, 'not_found', `artifact not found: ${name}`);
        return { signed_url: signedUrl('download', artifact) };
      }
      case 'DeleteArtifact': {
        const artifact = finalizedOf(run.backendId).find((a) => a.name === name);
        if (!artifact) throw new HttpError(404, 'not_found', `artifact not found: ${name}`);
        artifacts.splice(artifacts.indexOf(artifact), 1);
        return { ok: true, artifact_id: String(artifact.id) };
      }
      default:
        throw new HttpError(404, 'bad_route', `no handler for ${method}`);
    }
  }

  async function blob(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const match = /^\/blob\/(upload|download)\/(\d+)\//.exec(url.pathname);
    if (!match || url.searchParams.get('sig') !== sign(url.pathname)) throw new HttpError(403, 'AuthenticationFailed', 'Server failed to authenticate the request.');
    const artifact = artifacts.find((a) => a.id === Number(match[2]));
    if (!artifact) throw new HttpError(404, 'BlobNotFound', 'The specified blob does not exist.');
    const headers = { 'x-ms-request-id': uuid(), 'x-ms-version': '2024-11-04', etag: '"0x1"', 'last-modified': new Date(0).toUTCString() };
    if (match[1] === 'download') {
      if (req.method !== 'GET' || !artifact.finalized) throw new HttpError(404, 'BlobNotFound', 'The specified blob does not exist.');
      res.writeHead(200, { ...headers, 'content-type': 'application/zip', 'content-length': artifact.bytes.length, 'content-disposition': `attachment; filename="${encodeURIComponent(artifact.name)}.zip"` });
      res.end(artifact.bytes);
      return;
    }
    if (req.method !== 'PUT' || artifact.finalized) throw new HttpError(409, 'InvalidOperation', 'the blob is committed');
    const body = await readBody(req);
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      const id = url.searchParams.get('blockid');
      if (!id) throw new HttpError(400, 'InvalidQueryParameterValue', 'blockid is missing');
      artifact.blocks.set(id, body);
    } else if (comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((m) => m[1]!);
      const parts = ids.map((id) => {
        const block = artifact.blocks.get(id);
        if (!block) throw new HttpError(400, 'InvalidBlockList', `block ${id} was not uploaded`);
        return block;
      });
      artifact.bytes = Buffer.concat(parts);
      artifact.blocks.clear();
    } else if (comp === null) {
      artifact.bytes = body;
    } else {
      throw new HttpError(400, 'InvalidQueryParameterValue', `comp=${comp}`);
    }
    res.writeHead(201, headers);
    res.end();
  }

  function rest(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.headers.authorization !== `token ${githubToken}` && req.headers.authorization !== `Bearer ${githubToken}`) {
      throw new HttpError(401, 'unauthorized', 'Bad credentials');
    }
    const prefix = `/repos/${owner}/${repo}/actions`;
    if (!url.pathname.startsWith(`${prefix}/`)) throw new HttpError(404, 'not_found', 'Not Found');
    const rest = url.pathname.slice(prefix.length);
    const json = (value: unknown): void => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(value));
    };
    let m = /^\/runs\/(\d+)\/artifacts$/.exec(rest);
    if (m) {
      const run = runs.find((r) => r.id === Number(m![1]));
      if (!run) throw new HttpError(404, 'not_found', 'Not Found');
      const name = url.searchParams.get('name');
      const all = finalizedOf(run.backendId).filter((a) => name === null || a.name === name);
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30) || 30);
      const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
      json({
        total_count: all.length,
        artifacts: all.slice((page - 1) * perPage, page * perPage).map((a) => ({
          id: a.id, name: a.name, size_in_bytes: a.size, created_at: a.createdAt, expired: false, digest: a.digest,
          archive_download_url: `${base}${prefix}/artifacts/${a.id}/zip`, workflow_run: { id: run.id },
        })),
      });
      return;
    }
    m = /^\/artifacts\/(\d+)\/zip$/.exec(rest);
    if (m) {
      const artifact = artifacts.find((a) => a.finalized && a.id === Number(m![1]));
      if (!artifact) throw new HttpError(404, 'not_found', 'Not Found');
      res.writeHead(302, { location: signedUrl('download', artifact) });
      res.end();
      return;
    }
    m = /^\/workflows\/([^/]+)\/runs$/.exec(rest);
    if (m) {
      const workflow = decodeURIComponent(m[1]!);
      const status = url.searchParams.get('status');
      const list = runs
        .filter((r) => r.workflow === workflow && (status === null || r.status === status || r.conclusion === status))
        .sort((a, b) => b.id - a.id);
      json({ total_count: list.length, workflow_runs: list.slice(0, 100).map((r) => ({ id: r.id, status: r.status, conclusion: r.conclusion, path: `.github/workflows/${r.workflow}` })) });
      return;
    }
    throw new HttpError(404, 'not_found', 'Not Found');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    if (url.pathname.startsWith(`/twirp/${SERVICE}/`)) {
      if (req.method !== 'POST') throw new HttpError(404, 'bad_route', 'twirp methods are POST');
      const run = runByToken(req);
      const text = (await readBody(req)).toString('utf8');
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        throw new HttpError(400, 'malformed', 'the body is not JSON');
      }
      const method = url.pathname.slice(`/twirp/${SERVICE}/`.length);
      requests.push({ method: 'POST', path: url.pathname, body });
      const answer = twirp(method, body, run);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
      return;
    }
    requests.push({ method: req.method ?? 'GET', path: url.pathname });
    if (url.pathname.startsWith('/blob/')) return blob(req, res, url);
    if (url.pathname.startsWith('/repos/')) return rest(req, res, url);
    throw new HttpError(404, 'not_found', 'Not Found');
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const failure = error instanceof HttpError ? error : new HttpError(500, 'internal', String(error));
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(failure.status, { 'content-type': 'application/json' });
      // Twirp error bodies; Azure and REST clients read the status.
      res.end(JSON.stringify({ code: failure.code, msg: failure.message, message: failure.message }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeArtifacts = {
    url: base,
    owner,
    repo,
    githubToken,
    runs,
    artifacts,
    requests,
    startRun(workflow = 'drift.yml') {
      const run: FakeRun = { id: nextRunId++, backendId: uuid(), jobBackendId: uuid(), workflow, status: 'in_progress', conclusion: null };
      runs.push(run);
      return run;
    },
    finish(run, conclusion) {
      run.status = 'completed';
      run.conclusion = conclusion;
    },
    env(run) {
      return {
        ACTIONS_RUNTIME_TOKEN: runtimeToken(run),
        ACTIONS_RESULTS_URL: `${base}/`,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: base,
        GITHUB_REPOSITORY: `${owner}/${repo}`,
        GITHUB_REPOSITORY_OWNER: owner,
        GITHUB_RUN_ID: String(run.id),
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_WORKFLOW_REF: `${owner}/${repo}/.github/workflows/${run.workflow}@refs/heads/main`,
      };
    },
    seed(run, name, bytes, digest) {
      const artifact: FakeArtifact = {
        id: nextArtifactId++, name, runBackendId: run.backendId, jobBackendId: run.jobBackendId, finalized: true, bytes, size: bytes.length,
        digest: digest ?? sha256(bytes), createdAt: new Date().toISOString(), blocks: new Map(),
      };
      artifacts.push(artifact);
      return artifact;
    },
    tamper(id, bytes) {
      const artifact = artifacts.find((a) => a.id === id);
      if (!artifact) throw new Error(`no artifact ${id}`);
      artifact.bytes = bytes;
    },
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
  return fake;
}
