/**
 * The fake API server in a process of its own, for the hostile corpus: the doors run the
 * committed build with spawnSync, which would block a server living in the test process.
 * Seeded from $AICR_FAKE_SEED; prints one JSON line ({ url, kubeconfig }); stops when its
 * stdin closes.
 */
import { startFakeKube, type Fault, type FakeKubeOptions, type KubeObject } from '../fake-kube/server.js';

export interface FakeClusterSeed {
  options?: FakeKubeOptions;
  /** Objects to create: [plural, object]. */
  objects?: Array<[string, KubeObject]>;
  faults?: Fault[];
  /** Directory for the kubeconfig, and the token it carries. */
  dir: string;
  token?: string;
}

const seed = JSON.parse(process.env.AICR_FAKE_SEED ?? '{}') as FakeClusterSeed;
const fake = await startFakeKube(seed.options ?? {});
for (const [plural, object] of seed.objects ?? []) fake.create(plural, object);
for (const fault of seed.faults ?? []) fake.inject(fault);
const kubeconfig = fake.writeKubeconfig(seed.dir, seed.token ? { token: seed.token } : {});
process.stdout.write(JSON.stringify({ url: fake.url, kubeconfig }) + '\n');
process.stdin.resume();
process.stdin.on('end', () => void fake.close().then(() => process.exit(0)));
