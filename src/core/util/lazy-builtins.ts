/**
 * Node built-ins loaded on first use. `node:crypto` costs about 10 ms to load, a third of a bare
 * Node start: only the commands that hash (bundle, verify, Code Quality reports) should pay it.
 */
import type * as NodeCrypto from 'node:crypto';
import { createRequire } from 'node:module';

type Crypto = typeof NodeCrypto;

let crypto: Crypto | undefined;

function loadCrypto(): Crypto {
  // process.getBuiltinModule exists from Node 20.16 and 22.3; older Node 20 falls back to require.
  const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  crypto ??= (getBuiltin ? getBuiltin('node:crypto') : createRequire(import.meta.url)('node:crypto')) as Crypto;
  return crypto;
}

/** A SHA-256 hash object (node:crypto's), loading the module on first use. */
export function sha256(): ReturnType<Crypto['createHash']> {
  return loadCrypto().createHash('sha256');
}

/** 8 random characters of [a-z0-9]: a run id, unique per run and valid at the end of any Kubernetes object name. */
export function newRunId(): string {
  return [...loadCrypto().randomBytes(8)].map((byte) => 'abcdefghijklmnopqrstuvwxyz0123456789'[byte % 36]).join('');
}
