/**
 * Character devices for write tests: `full` answers every write with ENOSPC, `null` takes
 * everything. As root they are private nodes (mknod) in a temp folder: a writer that wrongly
 * renamed a file over one (as root can) must not replace the machine's /dev/full or /dev/null.
 * Otherwise the /dev ones, which a non-root writer cannot replace. Undefined when neither is at hand.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NUMBERS = { full: '7', null: '3' } as const;

export function deviceNode(name: keyof typeof NUMBERS): string | undefined {
  if (process.getuid?.() !== 0) return existsSync(`/dev/${name}`) ? `/dev/${name}` : undefined;
  const path = join(mkdtempSync(join(tmpdir(), 'aicr-device-')), name);
  const made = spawnSync('mknod', ['-m', '666', path, 'c', '1', NUMBERS[name]]);
  return made.status === 0 && statSync(path).isCharacterDevice() ? path : undefined;
}

/** A device that is always full (see {@link deviceNode}). */
export const fullDevice = (): string | undefined => deviceNode('full');
