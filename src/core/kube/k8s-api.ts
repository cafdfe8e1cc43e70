/**
 * The parts of @kubernetes/client-node we use: KubeConfig (kubeconfig parsing and every auth
 * method: exec plugins, OIDC, client certificates, tokens) and ExecAuth (whose spawn we bound,
 * see credentials.ts). Requests and watches are plain REST in client.ts, so neither the
 * generated typed APIs nor the Watch helper (unbounded lines) are bundled. Imported from their
 * own modules, not the package root: the root re-exports modules whose top-level code the
 * bundler must keep (ws, tar-fs/streamx for cp, attach, exec …), about 125 KB minified that
 * nothing here uses. The package has no `exports` map and the version is pinned exactly, so
 * these paths are stable; a move would fail the type check and the build. Loaded lazily by
 * client.ts.
 */
export { KubeConfig } from '@kubernetes/client-node/dist/config.js';
export { ExecAuth } from '@kubernetes/client-node/dist/exec_auth.js';
