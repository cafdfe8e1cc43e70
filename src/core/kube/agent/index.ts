/**
 * Agent mode: a one-shot Job that snapshots a cluster node and leaves the snapshot in a
 * ConfigMap, which we read back. src/core/snapshot loads this module only when agent mode runs.
 *
 * What a run does, in order (module in brackets):
 * 1. Parses and checks every option before any request (selectors, tolerations, names, the
 *    cm:// target, which must be in the agent's namespace since its Role is namespaced) [plan].
 * 2. Asks the API server, with SelfSubjectAccessReviews sent in parallel, whether the caller may
 *    do everything the run needs; all denials are reported at once (UNAUTHORIZED, exit 4)
 *    [permissions].
 * 3. Creates, each under a name unique to the run (`<base>-<runId>`), so concurrent runs never
 *    collide: a ServiceAccount, a Role + RoleBinding, a ClusterRole + ClusterRoleBinding and the
 *    Job [manifests, deploy]. The namespace is created only if missing.
 * 4. Waits for the Job with the watch API, bounded by the timeout and cancelled by the caller's
 *    signal (SIGINT/SIGTERM) [job].
 * 5. On failure or timeout: prints the pod's state and logs and fails with the reason [job].
 * 6. Reads the snapshot the agent wrote [run].
 * 7. Always (also after failure or interruption), unless told to keep them: deletes exactly the
 *    objects this run created, with a fresh deadline; problems there are warnings only [cleanup].
 *
 * Module graph (no cycles): plan is the leaf; manifests, permissions, cleanup and job import
 * plan; deploy imports plan, manifests and cleanup; run imports them all; only index imports run.
 */
export { DEFAULT_AGENT_IMAGE, parseTolerations, planAgentRun,  type SnapshotAgentOptions,  } from './plan.js';
export { agentManifests } from './manifests.js';
export { describePod } from './job.js';
export { runSnapshotAgent,   } from './run.js';
