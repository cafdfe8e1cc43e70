/**
 * Kubeconfig credential commands, bounded. @kubernetes/client-node runs an exec plugin
 * (`users[].user.exec`: aws eks get-token, gke-gcloud-auth-plugin, kubelogin …) with a bare
 * spawn: no time limit, unbounded output, and it waits for the pipes to close, so a plugin that
 * hangs (or leaves a child holding stdout) would hang us. Its spawn function is swapped for one
 * that runs the plugin under util/child-process.ts's bounds. The legacy `gcp`/`azure`
 * auth-providers with `cmd-path` run a shell command synchronously (nothing can bound it): refused.
 */
import { EventEmitter } from 'node:events';
import type * as K8s from '@kubernetes/client-node';
import { AicrError, ErrorCode, invalidInput } from '../errors.js';
import { runBounded } from '../util/child-process.js';

/** An ExecCredential is a few KB; a certificate chain a few more. */
const MAX_CREDENTIAL_BYTES = 1024 * 1024;

type SpawnLike = (command: string, args: string[] | undefined, options: { env?: NodeJS.ProcessEnv }) => EventEmitter;

/**
 * What ExecAuth expects of child_process.spawn (stdout/stderr emitting 'data', then 'error' and
 * 'close'), backed by a bounded run. A plugin that exits is handed over as spawn would (ExecAuth
 * and kubeconfig.ts's credentialsError say why it failed, never quoting its output); one that
 * hangs, floods or is cut short reaches ExecAuth as an AicrError, which passes through unchanged.
 */
function boundedCredentialSpawn(timeoutMs: number, source: string): SpawnLike {
  return (command, args, options) => {
    const child = new EventEmitter();
    const stdout = Object.assign(new EventEmitter(), { setEncoding: () => stdout });
    const stderr = Object.assign(new EventEmitter(), { setEncoding: () => stderr });
    Object.assign(child, { stdout, stderr });
    const failed = (code: ErrorCode, what: string): void => {
      child.emit('error', new AicrError(code, `cannot get credentials from ${source}: its credential plugin ${what}`, {
        hint: 'run the kubeconfig\'s exec command by hand to see what it needs (a login, a cloud CLI on PATH, environment variables)',
      }));
      child.emit('close', 1);
    };
    void runBounded(command, args ?? [], { env: options.env ?? process.env, timeoutMs, maxStdoutBytes: MAX_CREDENTIAL_BYTES }).then((result) => {
      switch (result.kind) {
        case 'spawn-failed':
          child.emit('error', result.error);
          child.emit('close', 1);
          return;
        case 'timeout':
          return failed(ErrorCode.Timeout, `did not finish within ${timeoutMs} ms (it and everything it started were stopped)`);
        case 'too-much-output':
          return failed(ErrorCode.Unauthorized, `printed more than ${MAX_CREDENTIAL_BYTES} bytes, not an ExecCredential`);
        case 'cancelled':
          return failed(ErrorCode.Timeout, 'was stopped');
        case 'exited':
          if (result.stdout.length) stdout.emit('data', result.stdout.toString('utf8'));
          if (result.stderr.length) stderr.emit('data', result.stderr.toString('utf8'));
          child.emit('close', result.code ?? 1);
      }
    });
    return child;
  };
}

/** What the KubeConfig runs for credentials, bounded; refuses what cannot be bounded. */
export function boundCredentialCommands(config: K8s.KubeConfig, execAuth: abstract new () => unknown, timeoutMs: number, source: string): void {
  const provider = config.getCurrentUser()?.authProvider as { name?: string; config?: Record<string, unknown> } | undefined;
  if (provider?.config?.['cmd-path']) {
    // Not quoted: every string of an auth-provider's config is treated as a secret.
    throw invalidInput(`${source}: the user's auth-provider "${provider.name ?? ''}" runs its cmd-path command through a shell with no time limit, which is not supported`, {
      hint: 'use an exec credential plugin instead (kubectl dropped these auth-providers in 1.26): gke-gcloud-auth-plugin for GKE, kubelogin for AKS',
    });
  }
  const authenticators = (config as unknown as { authenticators?: unknown[] }).authenticators ?? [];
  for (const authenticator of authenticators) {
    if (authenticator instanceof execAuth) (authenticator as { execFn: SpawnLike }).execFn = boundedCredentialSpawn(timeoutMs, source);
  }
}
