/**
 * The Job controller, kubelet and an upstream validator container for validator Jobs (the
 * container named `validator`): the pod is created with the Job's template, then plays the
 * outcome the test chose, all before the hook returns (no timers decide anything):
 *
 * - `exit`: the container runs, prints its log lines and exits with `exitCode` (0 passed,
 *   1 failed, 2 skipped, other codes a crash), writing `message` as its termination message;
 *   the Job completes (exit 0) or fails (BackoffLimitExceeded);
 * - `oom`: the container is OOMKilled (exit 137);
 * - `hang`: the container runs and never ends;
 * - `unschedulable`: the scheduler finds no node (PodScheduled False, Unschedulable);
 * - `image-pull`: the kubelet cannot pull the image (ImagePullBackOff);
 * - `deadline`: the Job controller kills and deletes the pod on activeDeadlineSeconds
 *   (Job Failed/DeadlineExceeded, no pod left).
 */
import type { FakeKube, KubeObject } from './server.js';

type ValidatorOutcome = 'exit' | 'oom' | 'hang' | 'unschedulable' | 'image-pull' | 'deadline';

export interface ValidatorBehaviour {
  outcome: ValidatorOutcome;
  exitCode?: number;
  /** The termination message (`/dev/termination-log`). */
  message?: string;
  /** Log lines the validator prints. */
  logs?: string[];
  /** Called once the pod reached the state of `outcome` (e.g. to abort a run while it hangs). */
  then?: (pod: KubeObject) => void;
}

const now = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

function jobConditions(succeeded: boolean, at: string, reason = 'BackoffLimitExceeded', message = 'Job has reached the specified backoff limit'): KubeObject[] {
  return succeeded
    ? [
        { type: 'SuccessCriteriaMet', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', lastProbeTime: at, lastTransitionTime: at },
        { type: 'Complete', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', lastProbeTime: at, lastTransitionTime: at },
      ]
    : [
        { type: 'FailureTarget', status: 'True', reason, message, lastProbeTime: at, lastTransitionTime: at },
        { type: 'Failed', status: 'True', reason, message, lastProbeTime: at, lastTransitionTime: at },
      ];
}

/**
 * Plays every validator Job created from now on (Jobs whose first container is not named
 * `validator` are left alone). Returns the Jobs seen, as created, for assertions.
 */
export function simulateValidatorJobs(fake: FakeKube, behaviour: ValidatorBehaviour | ((job: KubeObject) => ValidatorBehaviour)): KubeObject[] {
  const seen: KubeObject[] = [];
  fake.onCreate('jobs', (job) => {
    const template = job.spec?.template;
    const container = template?.spec?.containers?.[0];
    if (container?.name !== 'validator') return;
    seen.push(job);
    const plan = typeof behaviour === 'function' ? behaviour(job) : behaviour;
    const namespace = job.metadata.namespace as string;
    const jobName = job.metadata.name as string;
    const podName = `${jobName}-${Math.random().toString(36).slice(2, 7)}`;
    const image = container.image as string;
    const startedAt = now();
    const created = fake.create('pods', {
      metadata: {
        name: podName,
        namespace,
        labels: { ...(template.metadata?.labels ?? {}), 'batch.kubernetes.io/job-name': jobName, 'job-name': jobName, 'batch.kubernetes.io/controller-uid': job.metadata.uid },
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: jobName, uid: job.metadata.uid, controller: true, blockOwnerDeletion: true }],
      },
      spec: { ...template.spec, ...(plan.outcome === 'unschedulable' ? {} : { nodeName: 'cpu-node-1' }) },
      status: { phase: 'Pending' },
    });
    fake.patch('jobs', namespace, jobName, { status: { active: 1, startTime: startedAt, ready: 0 } });
    const setPod = (status: KubeObject): KubeObject => fake.patch('pods', namespace, podName, { status });
    const finishJob = (succeeded: boolean, reason?: string, message?: string): void => {
      const at = now();
      const current = fake.get('jobs', namespace, jobName);
      if (!current) return;
      fake.update('jobs', { ...current, status: { ...current.status, active: 0, ready: 0, ...(succeeded ? { succeeded: 1, completionTime: at } : { failed: 1 }), conditions: jobConditions(succeeded, at, reason, message) } });
    };
    let pod = created;
    switch (plan.outcome) {
      case 'unschedulable':
        pod = setPod({
          phase: 'Pending',
          conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: "0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod." }],
        });
        break;
      case 'image-pull':
        pod = setPod({
          phase: 'Pending',
          conditions: [{ type: 'PodScheduled', status: 'True' }],
          containerStatuses: [{ name: 'validator', ready: false, restartCount: 0, image, imageID: '', state: { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` } } }],
        });
        break;
      case 'deadline':
        fake.remove('pods', namespace, podName);
        finishJob(false, 'DeadlineExceeded', 'Job was active longer than specified deadline');
        break;
      default: {
        pod = setPod({
          phase: 'Running',
          startTime: startedAt,
          conditions: [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: 'True' }],
          containerStatuses: [{ name: 'validator', ready: true, started: true, restartCount: 0, image, imageID: `${image.split(':')[0]}@sha256:5e1f`, state: { running: { startedAt } } }],
        });
        for (const line of plan.logs ?? []) fake.appendPodLog(namespace, podName, 'validator', line.endsWith('\n') ? line : `${line}\n`);
        if (plan.outcome === 'hang') break;
        const oom = plan.outcome === 'oom';
        const exitCode = oom ? 137 : plan.exitCode ?? 0;
        const finishedAt = now();
        pod = setPod({
          phase: exitCode === 0 ? 'Succeeded' : 'Failed',
          conditions: [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: 'False', reason: 'PodCompleted' }],
          containerStatuses: [{
            name: 'validator',
            ready: false,
            started: false,
            restartCount: 0,
            image,
            imageID: `${image.split(':')[0]}@sha256:5e1f`,
            state: { terminated: { exitCode, reason: oom ? 'OOMKilled' : exitCode === 0 ? 'Completed' : 'Error', ...(plan.message ? { message: plan.message } : {}), startedAt, finishedAt } },
          }],
        });
        fake.endPodLog(namespace, podName, 'validator');
        finishJob(exitCode === 0);
      }
    }
    plan.then?.(pod);
  });
  return seen;
}
