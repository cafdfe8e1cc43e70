// `npm run demo`: the main job on the embedded catalog, end to end, with the committed CLI
// bundle: resolve a recipe, query it, validate it against a snapshot, bundle it for Helm and
// verify the bundle's checksums. Everything is written under demo-output/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'demo-output');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const criteria = ['--service', 'eks', '--accelerator', 'h100', '--intent', 'training', '--os', 'ubuntu', '--platform', 'kubeflow'];
const steps = [
  ['Resolve the recipe for EKS + H100 + Ubuntu, training with Kubeflow', ['recipe', ...criteria, '--output', join(out, 'recipe.yaml')]],
  ['Show the recipe as a table (first lines)', ['recipe', ...criteria, '--format', 'table'], { head: 12 }],
  ['Query the GPU Operator driver version it pins', ['query', ...criteria, '--selector', 'components.gpu-operator.values.driver.version']],
  ['Query its deployment order', ['query', ...criteria, '--selector', 'deploymentOrder']],
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
