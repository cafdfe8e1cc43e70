// `npm run demo`: the main job on the embedded catalog, end to end, with the committed CLI
// bundle: snapshot this machine, resolve a recipe, query it, validate it against a node
// snapshot, bundle it for Helm and verify the bundle's checksums. Output: demo-output/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'demo-output');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const criteria = ['--service', 'eks', '--accelerator', 'h100', '--intent', 'training', '--os', 'ubuntu', '--platform', 'kubeflow'];
const nodeSnapshot = join(root, 'test', 'fixtures', 'validate', 'snapshot-eks-h100-pass.yaml');
const steps = [
  ['Snapshot this machine (sources it cannot reach are recorded as unavailable, never invented)', ['snapshot', '--local', '--output', join(out, 'snapshot.yaml'), '--format', 'yaml']],
  ['Resolve the recipe for EKS + H100 + Ubuntu, training with Kubeflow', ['recipe', ...criteria, '--output', join(out, 'recipe.yaml')]],
  ['Query the GPU Operator driver version it pins', ['query', ...criteria, '--selector', 'components.gpu-operator.values.driver.version']],
  ['Query its deployment order', ['query', ...criteria, '--selector', 'deploymentOrder', '--format', 'json']],
  ['Validate its constraints against a snapshot of an EKS H100 node', ['validate', '--recipe', join(out, 'recipe.yaml'), '--snapshot', nodeSnapshot, '--junit', join(out, 'junit.xml')]],
  ['Bundle it for Helm (per-component folders, deploy.sh, checksums.txt)', ['bundle', '--recipe', join(out, 'recipe.yaml'), '--deployer', 'helm', '--output', join(out, 'bundle')]],
  ['Verify the bundle before deploying it', ['verify', join(out, 'bundle')]],
];

let failed = false;
for (const [title, args, options = {}] of steps) {
  console.log(`\n$ aicr ${args.map((a) => (a.includes(' ') ? JSON.stringify(a) : a.replace(root + '/', ''))).join(' ')}\n# ${title}`);
  const result = spawnSync(process.execPath, [join(root, 'bin', 'aicr.js'), ...args], { cwd: root, encoding: 'utf8' });
  const lines = result.stdout.split('\n');
  process.stdout.write(options.head ? lines.slice(0, options.head).join('\n') + '\n…\n' : result.stdout);
  process.stderr.write(result.stderr);
  if (result.status !== (options.expect ?? 0)) {
    console.error(`step failed with exit code ${result.status}`);
    failed = true;
    break;
  }
}
console.log(failed ? '\ndemo failed' : `\ndemo finished: outputs in ${out.replace(root + '/', '')}/`);
process.exitCode = failed ? 1 : 0;
