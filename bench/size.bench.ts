/**
 * What every `uses:` of an action downloads and unpacks: the committed dist/ and the repository
 * archive GitHub serves (`git archive HEAD | gzip`, the tarball of the checked-out ref).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rows } from './harness.js';

function bytesUnder(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    return sum + (entry.isDirectory() ? bytesUnder(path) : statSync(path).size);
  }, 0);
}

const MB = 1_000_000;
const MiB = 1024 * 1024;

export async function run(root: string): Promise<void> {
  const dist = bytesUnder(join(root, 'dist'));
  rows.push({ benchmark: 'committed dist/ (every file)', figure: `${(dist / MB).toFixed(2)} MB`, target: '<= 10 MB (stretch 3 MB)', ok: dist <= 10 * MB });
  rows.push({ benchmark: 'committed dist/ against the stretch target', figure: `${(dist / MB).toFixed(2)} MB`, target: '<= 3 MB', ok: dist <= 3 * MB });
  const archive = execFileSync('git', ['archive', 'HEAD'], { cwd: root, maxBuffer: 512 * MiB });
  const gzipped = gzipSync(archive).length;
  rows.push({ benchmark: 'git archive HEAD | gzip (what a uses: downloads)', figure: `${(gzipped / MiB).toFixed(2)} MiB`, baseline: `${(archive.length / MiB).toFixed(1)} MiB unpacked`, target: '<= 2 MiB', ok: gzipped <= 2 * MiB });
}
