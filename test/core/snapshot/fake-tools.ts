/**
 * Stand-ins for node tools (nvidia-smi, systemctl) as real executables on a temporary PATH, so
 * collectors go through their real exec path: spawn, PATH lookup, exit codes, stderr, timeouts.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FakeTool {
  /** Arguments the tool insists on (joined by spaces); anything else exits 2. */
  expectArgs?: string;
  /** File whose content the tool prints on stdout. */
  stdoutFile?: string;
  stdout?: string;
  stderr?: string;
  exitCode?: number;
  /** Seconds to sleep before answering. */
  sleep?: number;
}

const quote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

/** Writes executables into a fresh directory and returns an env whose PATH starts with it. */
export function fakeToolsEnv(tools: Record<string, FakeTool>, base: NodeJS.ProcessEnv = process.env): { env: NodeJS.ProcessEnv; bin: string } {
  const bin = mkdtempSync(join(tmpdir(), 'aicr-fake-tools-'));
  for (const [name, tool] of Object.entries(tools)) {
    // The tool finds cat and sleep itself, whatever PATH the collector under test passes.
    const lines = ['#!/bin/sh', 'PATH=/usr/bin:/bin:$PATH'];
    if (tool.expectArgs !== undefined) lines.push(`[ "$*" = ${quote(tool.expectArgs)} ] || { echo "unexpected arguments: $*" >&2; exit 2; }`);
    if (tool.sleep) lines.push(`sleep ${tool.sleep}`);
    if (tool.stdoutFile) lines.push(`cat ${quote(tool.stdoutFile)}`);
    if (tool.stdout !== undefined) lines.push(`printf '%s' ${quote(tool.stdout)}`);
    if (tool.stderr !== undefined) lines.push(`printf '%s\\n' ${quote(tool.stderr)} >&2`);
    lines.push(`exit ${tool.exitCode ?? 0}`);
    const path = join(bin, name);
    writeFileSync(path, lines.join('\n') + '\n');
    chmodSync(path, 0o755);
  }
  return { env: { ...base, PATH: `${bin}:${base.PATH ?? '/usr/bin:/bin'}` }, bin };
}

/** An env whose PATH has no node tools at all (only a directory with nothing in it). */
export function emptyPathEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { env } = fakeToolsEnv({}, { ...base, PATH: '' });
  return { ...env, PATH: env.PATH!.replace(/:$/, '') };
}
