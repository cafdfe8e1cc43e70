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
import { optionRef } from '../option-refs.js';
import { runBounded } from '../util/child-process.js';

/** An ExecCredential is a few KB; a certificate chain a few more. */
const MAX_CREDENTIAL_BYTES = 1024 * 1024;

type SpawnLike = (command: string, args: string[] | undefined, options: { env?: NodeJS.ProcessEnv }) => EventEmitter;

function firstLine(text: string): string {
  const line = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '') ?? '';
  return line.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').slice(0, 300);
}

/**
 * What ExecAuth expects of child_process.spawn (stdout/stderr emitting 'data', then 'error' and
 * 'close'), backed by a bounded run. Failures reach ExecAuth as AicrErrors, which pass through
 * the client's error mapping unchanged. The plugin's stdout (the token) never enters a message.
 */
function boundedCredentialSpawn(timeoutMs: number): SpawnLike {
  return (command, args, options) => {
    const process_ = new EventEmitter();
    const stdout = Object.assign(new EventEmitter(), { setEncoding: () => stdout });
    const stderr = Object.assign(new EventEmitter(), { setEncoding: () => stderr });
    Object.assign(process_, { stdout, stderr });
    const shown = `the kubeconfig's credential plugin "${command}"`;
    const hint = 'run the plugin by hand to see what it needs, or fix users[].user.exec in the kubeconfig';
    const fail = (error: AicrError): void => {
      process_.emit('error', error);
      process_.emit('close', 1);
    };
    void runBounded(command, args ?? [], { env: options.env ?? process.env, timeoutMs, maxStdoutBytes: MAX_CREDENTIAL_BYTES }).then((result) => {
      switch (result.kind) {
        case 'spawn-failed':
          return fail(new AicrError(result.error.code === 'ENOENT' ? ErrorCode.NotFound : ErrorCode.Unauthorized, `${shown} cannot be started: ${result.error.code ?? result.error.message}`, {
            hint: `install it on the runner (it must be on PATH) or pass another ${optionRef('kubeconfig')}`,
          }));
        case 'timeout':
          return fail(new AicrError(ErrorCode.Timeout, `${shown} did not finish within ${timeoutMs} ms (it and everything it started were stopped)`, { hint }));
        case 'too-much-output':
          return fail(new AicrError(ErrorCode.Unauthorized, `${shown} printed more than ${MAX_CREDENTIAL_BYTES} bytes, not an ExecCredential`, { hint }));
        case 'cancelled':
          return fail(new AicrError(ErrorCode.Timeout, `${shown} was stopped`, { hint }));
        case 'exited': {
          const text = result.stdout.toString('utf8');
          if (result.code !== 0) {
            const detail = firstLine(result.stderr.toString('utf8'));
            return fail(new AicrError(ErrorCode.Unauthorized, `${shown} failed (${result.code === null ? `killed by ${result.signal}` : `exit code ${result.code}`})${detail ? `: ${detail}` : ''}`, { hint }));
          }
          try {
            JSON.parse(text);
          } catch {
            // JSON.parse's message quotes the text, which may be a token.
            return fail(new AicrError(ErrorCode.Unauthorized, `${shown} printed something that is not an ExecCredential (JSON)`, { hint }));
          }
          stdout.emit('data', text);
          process_.emit('close', 0);
        }
      }
    });
    return process_;
  };
}

/** What the KubeConfig runs for credentials, bounded; refuses what cannot be bounded. */
export function boundCredentialCommands(config: K8s.KubeConfig, execAuth: abstract new () => unknown, timeoutMs: number, source: string): void {
  const provider = config.getCurrentUser()?.authProvider as { name?: string; config?: Record<string, unknown> } | undefined;
  if (provider?.config?.['cmd-path']) {
    throw invalidInput(`${source}: the user's auth-provider "${provider.name ?? ''}" runs cmd-path ${JSON.stringify(provider.config['cmd-path'])} through a shell with no time limit, which is not supported`, {
      hint: 'use an exec credential plugin instead (kubectl dropped these auth-providers in 1.26): gke-gcloud-auth-plugin for GKE, kubelogin for AKS',
    });
  }
  const authenticators = (config as unknown as { authenticators?: unknown[] }).authenticators ?? [];
  for (const authenticator of authenticators) {
    if (authenticator instanceof execAuth) (authenticator as { execFn: SpawnLike }).execFn = boundedCredentialSpawn(timeoutMs);
  }
}
