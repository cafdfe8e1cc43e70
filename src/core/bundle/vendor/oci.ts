/**
 * Reading a Helm chart from an OCI registry, as `helm pull oci://…` does: the manifest of tag
 * `<version>` (`+` written `_`), its one Helm chart layer, and that blob, checked against the
 * layer's sha256 digest. Anonymous pulls: a registry that answers 401 with a Bearer challenge
 * gets a token from the realm it names. Plain http only for a registry on this machine
 * (localhost, 127.0.0.1, ::1), as container tools treat local registries.
 */
import { AicrError, ErrorCode, invalidInput, notFound } from '../../errors.js';
import { fetchBytes } from '../../io.js';
import { redactUrl } from '../../redact.js';
import { quoted } from '../../safe-text.js';
import { sha256 } from '../../checksums/index.js';
import type { FetchSettings, PulledChart } from './repository.js';

const MANIFEST_TYPE = 'application/vnd.oci.image.manifest.v1+json';
const CHART_LAYER_TYPE = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_TOKEN_BYTES = 64 * 1024;
const MAX_CHART_BYTES = 64 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 5 * 60_000;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Thrown by the failure hook when the registry wants a token. */
class Challenge extends Error {
  constructor(readonly header: string) {
    super('bearer challenge');
  }
}

/** `Bearer realm="…",service="…",scope="…"` → its parameters. */
function parseChallenge(header: string): Record<string, string> | undefined {
  const match = /^\s*Bearer\s+(.*)$/i.exec(header);
  if (!match) return undefined;
  const parameters: Record<string, string> = {};
  for (const part of match[1]!.matchAll(/([A-Za-z]+)="([^"]*)"/g)) parameters[part[1]!.toLowerCase()] = part[2]!;
  return parameters;
}

/** Fetches `chart` at `version` from `oci://host/path`. */
export async function pullFromRegistry(repository: string, chart: string, version: string, label: string, settings: FetchSettings): Promise<PulledChart> {
  const reference = new URL(repository.replace(/^oci:\/\//, 'https://').replace(/\/+$/, ''));
  const local = LOCAL_HOSTS.has(reference.hostname);
  const scheme = local ? 'http' : 'https';
  const name = `${reference.pathname.replace(/^\/+/, '')}${reference.pathname.length > 1 ? '/' : ''}${chart}`;
  const base = `${scheme}://${reference.host}/v2/${name}`;
  const tag = version.replaceAll('+', '_');
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const common = { input: label, timeoutMs, allowHttp: local, ...(settings.interrupt ? { interrupt: settings.interrupt } : {}) };
  let authorization: string | undefined;

  const get = async (url: URL, accept: string, maxBytes: number, what: string): Promise<Buffer> => {
    const attempt = () => fetchBytes(url, {
      ...common,
      maxBytes,
      what,
      headers: { accept, ...(authorization ? { authorization } : {}) },
      onFailure: (status, headers) => {
        const header = headers.get('www-authenticate');
        if (status === 401 && !authorization && header) throw new Challenge(header);
      },
    });
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof Challenge)) throw error;
      authorization = await token(error.header, url);
      return attempt();
    }
  };

  const token = async (header: string, url: URL): Promise<string> => {
    const parameters = parseChallenge(header);
    if (!parameters?.realm) throw new AicrError(ErrorCode.Unauthorized, `${label}: ${redactUrl(url)} wants credentials (${quoted(header)}); vendoring pulls anonymously`, { hint: 'vendor from a registry that allows anonymous pulls, or bundle without vendor-charts' });
    const realm = new URL(parameters.realm);
    if (realm.protocol !== 'https:' && !(local && realm.protocol === 'http:' && LOCAL_HOSTS.has(realm.hostname))) {
      throw invalidInput(`${label}: the registry's token service ${redactUrl(realm)} is not https`, { hint: 'a registry must hand out tokens over https' });
    }
    if (parameters.service) realm.searchParams.set('service', parameters.service);
    realm.searchParams.set('scope', parameters.scope ?? `repository:${name}:pull`);
    const body = await fetchBytes(realm, { ...common, allowHttp: realm.protocol === 'http:', maxBytes: MAX_TOKEN_BYTES, what: 'token answer', headers: { accept: 'application/json' } });
    let answer: { token?: unknown; access_token?: unknown };
    try {
      answer = JSON.parse(body.toString('utf8')) as typeof answer;
    } catch {
      throw new AicrError(ErrorCode.Unavailable, `${label}: the token service ${redactUrl(realm)} did not answer JSON`, { hint: 'try again later' });
    }
    const value = typeof answer.token === 'string' ? answer.token : typeof answer.access_token === 'string' ? answer.access_token : undefined;
    if (!value || /[\r\n]/.test(value)) throw new AicrError(ErrorCode.Unavailable, `${label}: the token service ${redactUrl(realm)} gave no token`, { hint: 'try again later' });
    return `Bearer ${value}`;
  };

  const manifestUrl = new URL(`${base}/manifests/${encodeURIComponent(tag)}`);
  const manifestText = (await get(manifestUrl, MANIFEST_TYPE, MAX_MANIFEST_BYTES, 'manifest')).toString('utf8');
  let manifest: { layers?: Array<{ mediaType?: unknown; digest?: unknown }> };
  try {
    manifest = JSON.parse(manifestText) as typeof manifest;
  } catch {
    throw invalidInput(`${label}: ${redactUrl(manifestUrl)} is not an OCI manifest (not JSON)`, { hint: 'check that the repository holds Helm charts (helm push)' });
  }
  const layer = (manifest.layers ?? []).find((entry) => entry.mediaType === CHART_LAYER_TYPE);
  const digest = typeof layer?.digest === 'string' ? layer.digest : undefined;
  if (!digest) throw notFound(`${label}: ${redactUrl(manifestUrl)} has no Helm chart layer (${CHART_LAYER_TYPE})`, { hint: 'check that the tag is a chart pushed with helm push' });
  if (!/^sha256:[a-f0-9]{64}$/.test(digest)) throw invalidInput(`${label}: ${redactUrl(manifestUrl)} names the chart layer ${quoted(digest)}, not a sha256 digest`, { hint: 'the registry holds an unusual chart; tell whoever publishes it' });
  const blobUrl = new URL(`${base}/blobs/${digest}`);
  const bytes = await get(blobUrl, 'application/octet-stream', MAX_CHART_BYTES, 'chart');
  const actual = sha256(bytes);
  if (`sha256:${actual}` !== digest) {
    throw invalidInput(`${label}: ${redactUrl(blobUrl)} has sha256 ${actual}, but the manifest names ${digest}`, { hint: 'something altered the chart in transit, or the registry is inconsistent; do not vendor it' });
  }
  return { bytes, tarballName: `${chart}-${version}.tgz`, resolvedVersion: version, sha256: actual, shownUrl: redactUrl(blobUrl) };
}
