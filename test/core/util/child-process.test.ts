/**
 * runBounded: a child and everything it starts end at the time limit; a background grandchild
 * holding stdout never holds up the result; output is capped.
 */
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBounded } from '../../../src/core/util/child-process.js';
import { tempDir } from '../../helpers/catalog.js';
import { pidsIn, stillRunning } from '../../helpers/processes.js';

/** A shell script in a fresh folder; `$PIDS` in it is a file to write process ids to. */
function script(body: string): { path: string; pids: string } {
  const dir = tempDir('aicr-child-');
  const path = join(dir, 'tool.sh');
  const pids = join(dir, 'pids');
  writeFileSync(path, `#!/bin/sh\nPIDS=${pids}\n${body}\n`);
  chmodSync(path, 0o755);
  return { path, pids };
}

/** Waits (briefly) until none of the recorded processes is left. */
async function allGone(pidsFile: string): Promise<boolean> {
  const pids = pidsIn(pidsFile);
  expect(pids.length).toBeGreaterThan(0);
  return (await stillRunning(pids)).length === 0;
}

describe('runBounded', () => {
  it('answers at the exit even when a background grandchild keeps stdout open, and ends the grandchild', async () => {
    const tool = script('sleep 30 &\necho $! >> $PIDS\necho done');
    const started = Date.now();
    const result = await runBounded(tool.path, [], { timeoutMs: 20_000, maxStdoutBytes: 1024 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result).toMatchObject({ kind: 'exited', code: 0 });
    expect(result.kind === 'exited' && result.stdout.toString()).toBe('done\n');
    expect(await allGone(tool.pids)).toBe(true);
  });

  it('ends the child and its descendants at the time limit (SIGTERM ignored: SIGKILL after the grace)', async () => {
    const tool = script("trap '' TERM\necho $$ >> $PIDS\nsh -c 'trap \"\" TERM; echo $$ >> '$PIDS'; sleep 30' &\nsleep 30");
    const started = Date.now();
    const result = await runBounded(tool.path, [], { timeoutMs: 300, maxStdoutBytes: 1024, killGraceMs: 200 });
    expect(result.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await allGone(tool.pids)).toBe(true);
  });

  it('stops a flood of output: fail, or truncate and keep the start', async () => {
    const flood = script('echo $$ >> $PIDS\nwhile :; do echo xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; done');
    const failed = await runBounded(flood.path, [], { timeoutMs: 20_000, maxStdoutBytes: 4096 });
    expect(failed.kind).toBe('too-much-output');
    expect(await allGone(flood.pids)).toBe(true);
    const some = script('head -c 100000 /dev/zero | tr "\\0" y; echo err >&2');
    const truncated = await runBounded(some.path, [], { timeoutMs: 20_000, maxStdoutBytes: 1000, stdoutOverflow: 'truncate', maxStderrBytes: 2 });
    expect(truncated.kind).toBe('exited');
    if (truncated.kind !== 'exited') return;
    expect(truncated.stdout.toString()).toBe('y'.repeat(1000));
    expect(truncated.stderr.toString()).toBe('er');
  });

  it('reports a command that cannot start, and stops on the caller\'s signal', async () => {
    expect(await runBounded(join(tempDir('aicr-child-'), 'missing'), [], { timeoutMs: 1000, maxStdoutBytes: 10 })).toMatchObject({ kind: 'spawn-failed', error: { code: 'ENOENT' } });
    const tool = script('echo $$ >> $PIDS\nsleep 30');
    const controller = new AbortController();
    const pending = runBounded(tool.path, [], { timeoutMs: 20_000, maxStdoutBytes: 10, signal: controller.signal });
    for (let i = 0; i < 100 && !existsSync(tool.pids); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    expect((await pending).kind).toBe('cancelled');
    expect(await allGone(tool.pids)).toBe(true);
  });
});
