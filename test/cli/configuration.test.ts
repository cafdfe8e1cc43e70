// The recipe's typed configuration (upstream's `configuration` field): --slurm-accounting-mode
// (ADR-016) and --runtime-inventory (ADR-019) on the embedded catalog's upstream leaves, what
// they change in the recipe and the bundle, and the inputs that may not contradict them.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/catalog.js';

type Ref = { name: string; overrides?: Record<string, any> };
const H100_EKS_SLURM = ['--service', 'eks', '--accelerator', 'h100', '--os', 'ubuntu', '--intent', 'training', '--platform', 'slurm'];
const GKE_INFERENCE = ['--service', 'gke', '--accelerator', 'h100', '--os', 'cos', '--intent', 'inference'];
const MARIADB = ['mariadb-operator-crds', 'mariadb-operator', 'slurm-accounting-mariadb'];

async function recipe(args: string[]): Promise<{ text: string; doc: any; stderr: string }> {
  const result = await runCli(['recipe', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return { text: result.stdout, doc: parse(result.stdout), stderr: result.stderr };
}

const ref = (doc: any, name: string): Ref => doc.componentRefs.find((r: Ref) => r.name === name);

async function recipeFile(args: string[]): Promise<string> {
  const path = join(tempDir(), 'recipe.yaml');
  const result = await runCli(['recipe', ...args, '-o', path]);
  expect(result.code, result.stderr).toBe(0);
  return path;
}

const folders = (dir: string): string[] => readdirSync(dir).filter((name) => /^\d{3}-/.test(name));
const valuesIn = (dir: string, component: string): Record<string, any> => {
  const folder = folders(dir).find((name) => name.replace(/^\d{3}-/, '') === component)!;
  return parse(readFileSync(join(dir, folder, 'values.yaml'), 'utf8').replace(/^# .*\n---\n/, ''));
};

describe('aicr recipe --slurm-accounting-mode on the upstream Slurm leaves', () => {
  it('records disabled by default on every Slurm leaf, with the derived gates; the MariaDB components leave the deployment order', async () => {
    const leaves = [
      ['--service', 'eks', '--accelerator', 'h100', '--os', 'ubuntu'],
      ['--service', 'eks', '--accelerator', 'gb200', '--os', 'ubuntu'],
      ['--service', 'aks', '--accelerator', 'h100', '--os', 'ubuntu'],
      ['--service', 'gke', '--accelerator', 'h100', '--os', 'cos'],
      ['--service', 'kind', '--accelerator', 'h100'],
    ];
    for (const leaf of leaves) {
      const { doc } = await recipe([...leaf, '--intent', 'training', '--platform', 'slurm']);
      expect(doc.metadata.appliedOverlays.at(-1)).toMatch(/-training-slurm$/);
      expect(doc.apiVersion).toBe('aicr.run/v1beta2');
      expect(doc.configuration).toEqual({ slurm: { accounting: { mode: 'disabled' } } });
      expect(ref(doc, 'slinky-slurm').overrides!.accounting.enabled).toBe(false);
      for (const name of MARIADB) {
        expect(ref(doc, name).overrides!.install, name).toBe(false);
        expect(doc.deploymentOrder).not.toContain(name);
      }
      expect(doc.deploymentOrder).toContain('slinky-slurm');
    }
  });

  it('explicit disabled is byte-identical to the default', async () => {
    const byDefault = await recipe(H100_EKS_SLURM);
    const explicit = await recipe([...H100_EKS_SLURM, '--slurm-accounting-mode', 'disabled']);
    expect(explicit.text).toBe(byDefault.text);
  });

  it('customer-managed enables accounting and keeps MariaDB out; aicr-provided installs it, CRDs → operator → database → slinky-slurm', async () => {
    const customer = (await recipe([...H100_EKS_SLURM, '--slurm-accounting-mode', 'customer-managed'])).doc;
    expect(customer.configuration.slurm.accounting.mode).toBe('customer-managed');
    expect(ref(customer, 'slinky-slurm').overrides!.accounting.enabled).toBe(true);
    for (const name of MARIADB) expect(ref(customer, name).overrides!.install).toBe(false);
    for (const name of MARIADB) expect(customer.deploymentOrder).not.toContain(name);
    // The slinky-slurm health check (registry assert file, now inline) also waits for the accounting StatefulSet.
    const check = parse((ref(customer, 'slinky-slurm') as Ref & { healthCheckAsserts: string }).healthCheckAsserts);
    expect(check.metadata.name).toBe('slinky-slurm-health-check');
    expect(check.spec.steps.at(-1)).toEqual({
      name: 'validate-accounting-ready',
      try: [{ assert: { resource: { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'slinky-slurm-accounting', namespace: 'slurm' }, status: { '(availableReplicas > `0`)': true } } } }],
    });
    expect(check.spec.steps.length).toBeGreaterThan(1);
    expect((ref((await recipe(H100_EKS_SLURM)).doc, 'slinky-slurm') as Ref & { healthCheckAsserts?: string }).healthCheckAsserts).toBeUndefined();

    // The mode is matched case-insensitively, as upstream's parser; it is recorded canonically.
    const provided = (await recipe([...H100_EKS_SLURM, '--slurm-accounting-mode', 'AICR-Provided'])).doc;
    expect(provided.configuration.slurm.accounting.mode).toBe('aicr-provided');
    expect(ref(provided, 'slinky-slurm').overrides!.accounting.enabled).toBe(true);
    for (const name of MARIADB) expect(ref(provided, name).overrides!.install).toBe(true);
    const order: string[] = provided.deploymentOrder;
    const at = (name: string) => order.indexOf(name);
    expect(at('mariadb-operator-crds')).toBeGreaterThanOrEqual(0);
    expect(at('mariadb-operator-crds')).toBeLessThan(at('mariadb-operator'));
    expect(at('mariadb-operator')).toBeLessThan(at('slurm-accounting-mariadb'));
    expect(at('slurm-accounting-mariadb')).toBeLessThan(at('slinky-slurm'));
  });

  it('query sees the configuration (hydrated recipe)', async () => {
    const result = await runCli(['query', ...H100_EKS_SLURM, '--slurm-accounting-mode', 'customer-managed', '--selector', 'configuration.slurm.accounting.mode']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('customer-managed');
  });

  it('refuses a mode outside Slurm, and an unknown mode, naming the flag (exit 2, nothing written)', async () => {
    const notSlurm = await runCli(['recipe', ...GKE_INFERENCE, '--slurm-accounting-mode', 'aicr-provided']);
    expect(notSlurm.code).toBe(2);
    expect(notSlurm.stdout).toBe('');
    expect(notSlurm.stderr).toContain('Slurm accounting mode can only be set when recipe platform is slurm');
    expect(notSlurm.stderr).toContain('--platform slurm');
    const bogus = await runCli(['recipe', ...H100_EKS_SLURM, '--slurm-accounting-mode', 'managed']);
    expect(bogus.code).toBe(2);
    expect(bogus.stdout).toBe('');
    expect(bogus.stderr).toContain('--slurm-accounting-mode: "managed" is not one of disabled, customer-managed, aicr-provided');
  });

  it('records the snapshot\'s MariaDB Operator evidence for aicr-provided and warns about a conflict', async () => {
    const dir = tempDir();
    const snapshot = join(dir, 'snapshot.yaml');
    writeFileSync(snapshot, stringify({
      kind: 'Snapshot', apiVersion: 'aicr.run/v1',
      measurements: [
        { type: 'K8s', subtypes: [{ subtype: 'server', data: { version: 'v1.33.2', platform: 'eks' } }, { subtype: 'mariadb-operator', data: { 'collection-state': 'crs-detected' } }] },
        { type: 'OS', subtypes: [{ subtype: 'release', data: { ID: 'ubuntu', VERSION_ID: '24.04' } }, { subtype: 'sysctl', data: { '/proc/sys/kernel/osrelease': '6.8.0-1024-aws' } }] },
      ],
    }));
    const result = await runCli(['recipe', '--snapshot', snapshot, ...H100_EKS_SLURM, '--slurm-accounting-mode', 'aicr-provided', '-o', join(dir, 'recipe.yaml')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('AICR-provided Slurm accounting conflicts with existing official MariaDB resources');
    const doc = parse(readFileSync(join(dir, 'recipe.yaml'), 'utf8'));
    expect(doc.metadata.mariaDBOperatorState).toBe('crs-detected');

    // Bundling it is blocked by upstream's CheckMariaDBOperatorOwnershipCoherence.
    const bundle = await runCli(['bundle', '-r', join(dir, 'recipe.yaml'), '-o', join(dir, 'b')]);
    expect(bundle.code).not.toBe(0);
    expect(bundle.stderr).toContain('the snapshot detected existing official MariaDB resources');
    expect(existsSync(join(dir, 'b'))).toBe(false);

    // customer-managed records no MariaDB evidence.
    const customer = await runCli(['recipe', '--snapshot', snapshot, ...H100_EKS_SLURM, '--slurm-accounting-mode', 'customer-managed']);
    expect(customer.code, customer.stderr).toBe(0);
    expect(parse(customer.stdout).metadata.mariaDBOperatorState).toBeUndefined();
  });
});

describe('aicr recipe --runtime-inventory', () => {
  it('disabled takes k8s-aibom out of the recipe and records it; enabled confirms it; absent records nothing', async () => {
    const plain = (await recipe(GKE_INFERENCE)).doc;
    expect(plain.configuration).toBeUndefined();
    expect(plain.deploymentOrder).toContain('k8s-aibom');
    const off = (await recipe([...GKE_INFERENCE, '--runtime-inventory', 'disabled'])).doc;
    expect(off.apiVersion).toBe('aicr.run/v1beta2'); // a configured recipe takes the v1beta2 schema (upstream's v1alpha3)
    expect(off.configuration).toEqual({ runtimeInventory: { mode: 'disabled' } });
    expect(ref(off, 'k8s-aibom').overrides!.install).toBe(false);
    expect(off.deploymentOrder).not.toContain('k8s-aibom');
    const on = (await recipe([...GKE_INFERENCE, '--runtime-inventory', 'enabled'])).doc;
    expect(on.configuration).toEqual({ runtimeInventory: { mode: 'enabled' } });
    expect(on.deploymentOrder).toContain('k8s-aibom');
  });

  it('refuses enabled where the recipe declines k8s-aibom, and any mode where it has none (exit 2)', async () => {
    const dynamo = await runCli(['recipe', ...GKE_INFERENCE, '--platform', 'dynamo', '--runtime-inventory', 'enabled']);
    expect(dynamo.code).toBe(2);
    expect(dynamo.stderr).toContain('component "k8s-aibom" is disabled by the recipe and cannot be re-enabled with --runtime-inventory enabled');
    const none = await runCli(['recipe', ...H100_EKS_SLURM, '--runtime-inventory', 'disabled']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('runtime inventory mode "disabled" requires the recipe to declare component "k8s-aibom"');
    const bogus = await runCli(['recipe', ...GKE_INFERENCE, '--runtime-inventory', 'off']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain('--runtime-inventory: "off" is not one of enabled, disabled');
  });

  it('a disabled k8s-aibom is left out of the bundle', async () => {
    const path = await recipeFile([...GKE_INFERENCE, '--runtime-inventory', 'disabled']);
    const out = join(tempDir(), 'b');
    const result = await runCli(['bundle', '-r', path, '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(folders(out).some((name) => name.endsWith('-k8s-aibom'))).toBe(false);
  });
});

/** Every file of a bundle except its copy of the recipe, relative paths with their text. */
function bundleFiles(dir: string, prefix = ''): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...bundleFiles(dir, path));
    else if (path !== 'recipe.yaml') out.push([path, readFileSync(join(dir, path), 'utf8')]);
  }
  return out;
}

describe('aicr bundle with a Slurm accounting mode', () => {
  it('every deployer leaves the MariaDB components out when they are not installed, and carries them for aicr-provided', async () => {
    const disabled = await recipeFile(H100_EKS_SLURM);
    const provided = await recipeFile([...H100_EKS_SLURM, '--slurm-accounting-mode', 'aicr-provided']);
    for (const deployer of ['helm', 'helmfile', 'flux', 'argocd', 'argocdhelm']) {
      const out = join(tempDir(), 'b');
      const result = await runCli(['bundle', '-r', disabled, '-o', out, '--deployer', deployer, '--repo', 'https://git.example.com/org/gitops.git']);
      expect(result.code, `${deployer}: ${result.stderr}`).toBe(0);
      // The README's notes say why each was skipped; nothing else names them.
      expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('component "slurm-accounting-mariadb" skipped: the recipe disables it');
      const named = (text: string) => text.split('\n').filter((line) => !line.includes('skipped: the recipe disables it')).some((line) => line.includes('slurm-accounting-mariadb') || line.includes('mariadb-operator'));
      const mentions = bundleFiles(out).filter(([, text]) => named(text));
      expect(mentions.map(([path]) => path), deployer).toEqual([]);
      const withDatabase = join(tempDir(), 'b');
      const second = await runCli(['bundle', '-r', provided, '-o', withDatabase, '--deployer', deployer, '--repo', 'https://git.example.com/org/gitops.git']);
      expect(second.code, `${deployer}: ${second.stderr}`).toBe(0);
      expect(bundleFiles(withDatabase).some(([, text]) => text.includes('slurm-accounting-mariadb')), deployer).toBe(true);
    }
  });

  it('disabled: no MariaDB releases, slinky-slurm accounting off; aicr-provided: the three MariaDB releases before slinky-slurm with the fixed contract', async () => {
    const disabled = join(tempDir(), 'b');
    const first = await runCli(['bundle', '-r', await recipeFile(H100_EKS_SLURM), '-o', disabled]);
    expect(first.code, first.stderr).toBe(0);
    expect(folders(disabled).filter((name) => MARIADB.some((m) => name.endsWith(`-${m}`)))).toEqual([]);
    expect(valuesIn(disabled, 'slinky-slurm').accounting.enabled).toBe(false);

    const provided = join(tempDir(), 'b');
    const second = await runCli(['bundle', '-r', await recipeFile([...H100_EKS_SLURM, '--slurm-accounting-mode', 'aicr-provided']), '-o', provided]);
    expect(second.code, second.stderr).toBe(0);
    const names = folders(provided).map((name) => name.replace(/^\d{3}-/, ''));
    expect(names.indexOf('mariadb-operator-crds')).toBeLessThan(names.indexOf('mariadb-operator'));
    expect(names.indexOf('mariadb-operator')).toBeLessThan(names.indexOf('slurm-accounting-mariadb'));
    expect(names.indexOf('slurm-accounting-mariadb')).toBeLessThan(names.indexOf('slinky-slurm'));
    expect(valuesIn(provided, 'slurm-accounting-mariadb').install).toBe(true);
    expect(valuesIn(provided, 'slinky-slurm').accounting).toMatchObject({ enabled: true, storageConfig: { host: 'mariadb', port: 3306, database: 'slurm_acct_db', username: 'slurm', passwordKeyRef: { name: 'mariadb-password', key: 'password' } } });
    // No snapshot evidence: bundling is allowed with upstream's warning.
    expect(second.stderr).toContain('no metadata.mariaDBOperatorState snapshot evidence was recorded');
  });

  it('customer-managed takes the connection from --set-file; an incomplete one is refused before output', async () => {
    const path = await recipeFile([...H100_EKS_SLURM, '--slurm-accounting-mode', 'customer-managed']);
    const dir = tempDir();
    const storage = join(dir, 'storage.yaml');
    writeFileSync(storage, 'host: db.example.internal\nport: 3307\ndatabase: acct\nusername: slurm\npasswordKeyRef:\n  name: acct-db\n  key: password\n');
    const ok = await runCli(['bundle', '-r', path, '-o', join(dir, 'b'), '--set-file', `slinkyslurm:accounting.storageConfig=${storage}`]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(valuesIn(join(dir, 'b'), 'slinky-slurm').accounting.storageConfig).toMatchObject({ host: 'db.example.internal', port: 3307 });

    writeFileSync(storage, 'host: ""\nport: 3307\ndatabase: acct\nusername: slurm\npasswordKeyRef:\n  name: acct-db\n  key: password\n');
    const bad = await runCli(['bundle', '-r', path, '-o', join(dir, 'c'), '--set-file', `slinkyslurm:accounting.storageConfig=${storage}`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('accounting mode customer-managed requires non-empty string accounting.storageConfig.host');
    expect(existsSync(join(dir, 'c'))).toBe(false);
  });

  it('refuses --set, --set-json and --dynamic on paths the mode owns, even with the same value (exit 2)', async () => {
    const disabled = await recipeFile(H100_EKS_SLURM);
    const provided = await recipeFile([...H100_EKS_SLURM, '--slurm-accounting-mode', 'aicr-provided']);
    const cases: Array<[string, string[], string]> = [
      [disabled, ['--set', 'slinkyslurm:accounting.enabled=true'], '--set cannot override slinkyslurm:accounting.enabled: the path is owned by configuration.slurm.accounting.mode=disabled'],
      [disabled, ['--set', 'slinky-slurm:accounting.enabled=false'], '--set cannot override slinky-slurm:accounting.enabled'],
      [disabled, ['--set', 'mariadb-operator:install=true'], '--set cannot override mariadb-operator:install'],
      [disabled, ['--set-json', 'slinkyslurm:accounting={"enabled":true}'], '--set-json cannot override slinkyslurm:accounting'],
      [provided, ['--set', 'slinkyslurm:enabled=false'], '--set cannot override slinkyslurm:enabled'],
      [provided, ['--set', 'slinkyslurm:accounting.storageConfig.host=db'], 'owned by configuration.slurm.accounting.mode=aicr-provided'],
      [provided, ['--deployer', 'argocdhelm', '--dynamic', 'slurm-accounting-mariadb:mariadb.database'], '--dynamic cannot override slurm-accounting-mariadb:mariadb.database'],
    ];
    for (const [path, args, message] of cases) {
      const out = join(tempDir(), 'b');
      const result = await runCli(['bundle', '-r', path, '-o', out, ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
      expect(existsSync(out)).toBe(false);
    }
    // Paths the mode does not own stay open.
    const free = await runCli(['bundle', '-r', provided, '-o', join(tempDir(), 'b'), '--set', 'slurm-accounting-mariadb:mariadb.storage.size=50Gi']);
    expect(free.code, free.stderr).toBe(0);
  });

  it('refuses a recipe whose configuration was edited to contradict its overrides or spelled wrongly', async () => {
    const path = await recipeFile(H100_EKS_SLURM);
    const doc = parse(readFileSync(path, 'utf8'));
    doc.configuration.slurm.accounting.mode = 'aicr-provided';
    writeFileSync(path, stringify(doc));
    const contradicted = await runCli(['bundle', '-r', path, '-o', join(tempDir(), 'b')]);
    expect(contradicted.code).toBe(2);
    expect(contradicted.stderr).toContain('component "slinky-slurm" override accounting.enabled must be true for the selected Slurm accounting mode (got false)');
    doc.configuration.slurm.accounting.mode = 'Disabled';
    writeFileSync(path, stringify(doc));
    const spelled = await runCli(['bundle', '-r', path, '-o', join(tempDir(), 'b')]);
    expect(spelled.code).toBe(2);
    // The schema refuses a non-canonical spelling when the recipe is read.
    expect(spelled.stderr).toContain('RecipeResult field configuration.slurm.accounting.mode is "Disabled", allowed values: "disabled", "customer-managed", "aicr-provided"');
    doc.configuration.slurm.accounting.mode = 'disabled';
    doc.apiVersion = 'aicr.run/v1';
    writeFileSync(path, stringify(doc));
    const unversioned = await runCli(['bundle', '-r', path, '-o', join(tempDir(), 'b')]);
    expect(unversioned.code).toBe(2);
    expect(unversioned.stderr).toContain('configuration.slurm.accounting requires apiVersion "aicr.run/v1beta2" (got "aicr.run/v1")');
  });

  it('a legacy recipe (no configuration) keeps the bundle-time accounting override with a deprecation warning', async () => {
    const path = await recipeFile(H100_EKS_SLURM);
    const doc = parse(readFileSync(path, 'utf8'));
    delete doc.configuration;
    doc.apiVersion = 'aicr.run/v1';
    for (const r of doc.componentRefs as Ref[]) {
      if (r.name === 'slinky-slurm') delete r.overrides!.accounting;
      if (MARIADB.includes(r.name)) delete r.overrides;
    }
    writeFileSync(path, stringify(doc));
    const out = join(tempDir(), 'b');
    const result = await runCli(['bundle', '-r', path, '-o', out, '--set', 'slinkyslurm:accounting.enabled=true']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('deprecated: bundle-time slinky-slurm:accounting.enabled on a legacy recipe selects only customer-managed accounting');
    expect(valuesIn(out, 'slinky-slurm').accounting.enabled).toBe(true);
  });
});

describe('AICRConfig spec.recipe.configuration', () => {
  it('sets both modes; given options win', async () => {
    const dir = tempDir();
    const config = join(dir, 'aicr.yaml');
    writeFileSync(config, `kind: AICRConfig
apiVersion: aicr.run/v1beta1
metadata:
  name: slurm
spec:
  recipe:
    criteria:
      service: eks
      accelerator: h100
      os: ubuntu
      intent: training
      platform: slurm
    criteriaStrict: true
    configuration:
      slurm:
        accounting:
          mode: customer-managed
`);
    const fromConfig = await runCli(['recipe', '--config', config]);
    expect(fromConfig.code, fromConfig.stderr).toBe(0);
    expect(parse(fromConfig.stdout).configuration.slurm.accounting.mode).toBe('customer-managed');
    // Every spec.recipe field is used (criteriaStrict and configuration were reported as ignored before).
    expect(fromConfig.stderr).not.toContain('not supported');
    const flagWins = await runCli(['recipe', '--config', config, '--slurm-accounting-mode', 'aicr-provided']);
    expect(flagWins.code, flagWins.stderr).toBe(0);
    expect(parse(flagWins.stdout).configuration.slurm.accounting.mode).toBe('aicr-provided');

    writeFileSync(config, readFileSync(config, 'utf8').replace('customer-managed', 'managed'));
    const bad = await runCli(['recipe', '--config', config]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"managed" is not one of disabled, customer-managed, aicr-provided');
  });
});

describe('GitLab component inputs', () => {
  it('reads slurm-accounting-mode and runtime-inventory from AICR_INPUT_* and names the input in errors', async () => {
    const env = { PATH: process.env.PATH, AICR_INPUT_SERVICE: 'eks', AICR_INPUT_ACCELERATOR: 'h100', AICR_INPUT_OS: 'ubuntu', AICR_INPUT_INTENT: 'training', AICR_INPUT_PLATFORM: 'slurm', AICR_INPUT_OUTPUT: '-' };
    const ok = await runCli(['recipe', '--inputs-from-env'], { env: { ...env, AICR_INPUT_SLURM_ACCOUNTING_MODE: 'customer-managed' } });
    expect(ok.code, ok.stderr).toBe(0);
    expect(parse(ok.stdout).configuration.slurm.accounting.mode).toBe('customer-managed');
    const bad = await runCli(['recipe', '--inputs-from-env'], { env: { ...env, AICR_INPUT_RUNTIME_INVENTORY: 'off' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('input "runtime-inventory": "off" is not one of enabled, disabled');
    const template = readFileSync(join(__dirname, '..', '..', 'gitlab', 'templates', 'recipe.yml'), 'utf8');
    expect(template).toContain('slurm-accounting-mode:');
    expect(template).toContain('runtime-inventory:');
  });
});
