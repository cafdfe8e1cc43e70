/**
 * The parts of @kubernetes/client-node we use, imported by name so the bundler drops the rest
 * (the whole package is 15 MB; these are a third of it). Loaded lazily by client.ts.
 */
export { AuthorizationV1Api, BatchV1Api, CoreV1Api, CustomObjectsApi, KubeConfig, NodeV1Api, Observable, RbacAuthorizationV1Api, VersionApi, Watch } from '@kubernetes/client-node';
