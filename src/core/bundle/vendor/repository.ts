/**
 * Reading a chart from an HTTP(S) Helm chart repository: its index.yaml, the entry of one chart
 * version, and that version's tarball, checked against the digest the index lists. Every
 * exchange has a deadline and a size limit; every failure names the component and the URL.
 */
import { AicrError, ErrorCode, invalidInput, notFound } from '../../errors.js';
import { fetchBytes } from '../../io.js';
import { isPlainObject } from '../../serialize.js';
import { quoted } from '../../safe-text.js';
import { redactUrl } from '../../redact.js';
import { sha256 } from '../../checksums/index.js';
import { exactVersion } from '../versions.js';
import { loadYaml, yamlLibrary } from '../../documents/yaml-source.js';

/** Largest index.yaml read (upstream's cap). */
const MAX_INDEX_BYTES = 32 * 1024 * 1024;
/** Largest chart tarball vendored (upstream's cap). */
const MAX_CHART_BYTES = 64 * 1024 * 1024;
/** Deadlines when AICR_REQUEST_TIMEOUT is unset: an index read, and a tarball download. */
const DEFAULT_INDEX_TIMEOUT_MS = 30_000;
const DEFAULT_CHART_TIMEOUT_MS = 5 * 60_000;

/** Names helm accepts for a chart and a version as a path segment (upstream's patterns). */
export const SAFE_CHART_NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/;
export const SAFE_CHART_VERSION = /^[a-zA-Z0-9][a-zA-Z0-9._+-]*$/;

export interface FetchSettings {
  /** Deadline of each exchange (AICR_REQUEST_TIMEOUT), else the defaults above. */
  timeoutMs?: number;
  interrupt?: AbortSignal;
}

export interface PulledChart {
  bytes: Buffer;
  /** File name under charts/: the basename of the tarball URL, as `helm pull` saves it. */
  tarballName: string;
  /** The version the index entry gives (the tarball's own version). */
  resolvedVersion: string;
  /** sha256 of the bytes. */
  sha256: string;
  /** The absolute tarball URL, credentials removed, for messages. */
  shownUrl: string;
}

interface IndexEntry {
  version: string;
  urls: string[];
  digest?: string;
}

/** The base URL of a repository: the recipe's URL with exactly one trailing slash. */
function repositoryBase(repository: string): URL {
  return new URL(repository.replace(/\/+$/, '') + '/');
}

/** Parses index.yaml and returns the entries of `chart` (upstream reads `entries.<chart>[].version/urls`). */
async function indexEntries(text: string, chart: string, label: string, shownIndex: string): Promise<IndexEntry[]> {
  await loadYaml();
  let index: unknown;
  try {
    index = yamlLibrary().parse(text, { maxAliasCount: 100, uniqueKeys: false });
  } catch (error) {
    throw invalidInput(`${label}: ${shownIndex} is not valid YAML: ${(error as Error).message.split('\n')[0]}`, { hint: 'check that the URL is a Helm chart repository (helm repo index writes index.yaml)' });
  }
  const entries = isPlainObject(index) && isPlainObject(index.entries) ? index.entries : undefined;
  if (!entries) throw invalidInput(`${label}: ${shownIndex} has no entries map`, { hint: 'check that the URL is a Helm chart repository (helm repo index writes index.yaml)' });
  const list = entries[chart];
  if (!Array.isArray(list)) {
    throw notFound(`${label}: the repository ${shownIndex.replace(/index\.yaml$/, '')} has no chart ${quoted(chart)}`, { hint: 'check the component\'s chart name and source in the recipe' });
  }
  return list.filter(isPlainObject).map((entry) => ({
    version: typeof entry.version === 'string' ? entry.version : String(entry.version ?? ''),
    urls: Array.isArray(entry.urls) ? entry.urls.filter((url): url is string => typeof url === 'string') : [],
    ...(typeof entry.digest === 'string' ? { digest: entry.digest } : {}),
  }));
}

/**
 * The entry for a pinned version: written exactly as in the recipe, or equal as SemVer (`v1.2.3`
 * matches `1.2.3`). Ranges are refused: a vendored bundle records one exact chart.
 */
function selectEntry(entries: IndexEntry[], chart: string, version: string, label: string): IndexEntry {
  const exact = entries.find((entry) => entry.version === version);
  if (exact) return exact;
  const wanted = exactVersion(version);
  if (wanted === undefined) {
    throw invalidInput(`${label}: version ${quoted(version)} of chart ${quoted(chart)} is not an exact version`, { hint: 'pin the component to one chart version (e.g. 1.2.3) to vendor it' });
  }
  const equal = entries.find((entry) => exactVersion(entry.version) === wanted);
  if (equal) return equal;
  const known = entries.map((entry) => entry.version).slice(0, 10).join(', ');
  throw notFound(`${label}: the repository index has no version ${quoted(version)} of chart ${quoted(chart)}${known ? ` (it lists ${known}${entries.length > 10 ? ', …' : ''})` : ''}`, {
    hint: 'pin the component to a version the repository publishes',
  });
}

/** Fetches `chart` at `version` from the HTTP(S) repository `repository`. */
export async function pullFromRepository(repository: string, chart: string, version: string, label: string, settings: FetchSettings): Promise<PulledChart> {
  const base = repositoryBase(repository);
  const allowHttp = base.protocol === 'http:';
  const indexUrl = new URL('index.yaml', base);
  const shownIndex = redactUrl(indexUrl);
  const common = { input: label, allowHttp, ...(settings.interrupt ? { interrupt: settings.interrupt } : {}) };
  const indexText = (await fetchBytes(indexUrl, { ...common, maxBytes: MAX_INDEX_BYTES, timeoutMs: settings.timeoutMs ?? DEFAULT_INDEX_TIMEOUT_MS, what: 'repository index' })).toString('utf8');
  const entry = selectEntry(await indexEntries(indexText, chart, label, shownIndex), chart, version, label);
  const first = entry.urls[0];
  if (first === undefined) throw notFound(`${label}: ${shownIndex} lists no tarball URL for ${chart} ${entry.version}`, { hint: 'the repository index is incomplete; tell whoever publishes it' });
  let tarballUrl: URL;
  try {
    tarballUrl = new URL(first, base);
  } catch {
    throw invalidInput(`${label}: ${shownIndex} lists a malformed tarball URL ${quoted(first)} for ${chart} ${entry.version}`, { hint: 'the repository index is broken; tell whoever publishes it' });
  }
  const shownUrl = redactUrl(tarballUrl);
  if (tarballUrl.protocol !== 'https:' && !(allowHttp && tarballUrl.protocol === 'http:')) {
    throw invalidInput(`${label}: ${shownIndex} points ${chart} ${entry.version} at ${shownUrl}, which is not ${allowHttp ? 'http(s)' : 'https'}`, {
      hint: 'a repository served over https must serve its charts over https too',
    });
  }
  const tarballName = decodeURIComponent(tarballUrl.pathname.split('/').pop() ?? '');
  if (!SAFE_CHART_NAME.test(tarballName) || !tarballName.endsWith('.tgz')) {
    throw invalidInput(`${label}: the tarball URL ${shownUrl} does not end in a plain <name>.tgz file name`, { hint: 'the repository index is unusual; tell whoever publishes it' });
  }
  const bytes = await fetchBytes(tarballUrl, { ...common, maxBytes: MAX_CHART_BYTES, timeoutMs: settings.timeoutMs ?? DEFAULT_CHART_TIMEOUT_MS, what: 'chart' });
  const digest = sha256(bytes);
  if (entry.digest !== undefined && entry.digest.toLowerCase() !== digest) {
    throw new AicrError(ErrorCode.InvalidInput, `${label}: ${shownUrl} has sha256 ${digest}, but ${shownIndex} lists digest ${quoted(entry.digest)} for ${chart} ${entry.version}`, {
      hint: 'the tarball changed after the index was written, or something altered it in transit; do not vendor it until the repository is consistent',
    });
  }
  return { bytes, tarballName, resolvedVersion: entry.version, sha256: digest, shownUrl };
}
