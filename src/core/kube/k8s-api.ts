/**
 * The parts of @kubernetes/client-node we use, imported by name so the bundler drops the rest:
 * KubeConfig (kubeconfig parsing and every auth method: exec plugins, OIDC, client certificates,
 * tokens) and Watch (which adds next to nothing on top of it). Requests themselves are plain
 * REST in client.ts: the generated typed APIs and their ObjectSerializer are not bundled.
 * Loaded lazily by client.ts.
 */
export { KubeConfig, Watch } from '@kubernetes/client-node';
