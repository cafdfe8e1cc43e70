import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { writeTree } from '../../helpers/catalog.js';
import { rejection as failure } from '../../helpers/errors.js';
import { renderOptionRefs } from '../../../src/core/option-refs.js';
import { formatError } from '../../../src/core/errors.js';
import { fileText, generate } from './support.js';
import { smallCatalog } from './small-catalog.js';

function gatewayValues(bundle: Awaited<ReturnType<typeof generate>>): Record<string, unknown> {
  return parse(fileText(bundle, '001-gateway/values.yaml')) as Record<string, unknown>;
}

describe('--set-json', () => {
  it('replaces lists and scalars, deep-merges objects (null removes a key), after --set', async () => {
    const { data, recipe } = smallCatalog();
    const bundle = await generate(recipe, {
      data,
      set: ['gateway:driver.version=2.0', 'gateway:service.type=ClusterIP'],
      setJson: [
        'gw:allowedSourceRanges=["216.228.127.128/30","10.0.0.0/8"]',
        'gateway:driver.env={"HTTPS_PROXY":"http://proxy:3128","DROP":null,"nested":{"a":null,"b":1}}',
        'gateway:service.type="NodePort"',
        'gateway:replicas=3',
      ],
    });
    const values = gatewayValues(bundle);
    expect(values.allowedSourceRanges).toEqual(['216.228.127.128/30', '10.0.0.0/8']);
    expect(values.driver).toEqual({ env: { KEEP: 'yes', HTTPS_PROXY: 'http://proxy:3128', nested: { b: 1 } }, version: 2 });
    expect(values.service).toEqual({ type: 'NodePort' });
    expect(values.replicas).toBe(3);
  });

  it('lets the deeper path win whatever the flag order, the exact name win over an alias, and --set-json win over --set-file', async () => {
    const { data, recipe } = smallCatalog();
    const workspace = writeTree({ 'env.yaml': 'HTTPS_PROXY: from-file\nNO_PROXY: from-file\n' });
    const bundle = await generate(recipe, {
      data,
      workspace,
      setJson: ['gateway:driver.env.HTTPS_PROXY="deep"', 'gateway:driver.env={"HTTPS_PROXY":"shallow","A":"1"}', 'gateway:driver.env.A="exact"', 'gw:driver.env.A="alias"', 'gateway:driver.env.NO_PROXY="json"'],
      setFile: ['gateway:driver.env.NO_PROXY=env.yaml'],
    });
    expect((gatewayValues(bundle).driver as { env: unknown }).env).toEqual({ KEEP: 'yes', DROP: 'bye', HTTPS_PROXY: 'deep', A: 'exact', NO_PROXY: 'json' });
  });

  it('is byte-identical across runs', async () => {
    const { data, recipe } = smallCatalog();
    const options = { data, setJson: ['gateway:driver.env={"Z":"1","A":"2"}', 'gateway:list=[3,1,2]'] };
    const first = await generate(recipe, options);
    const second = await generate(recipe, options);
    expect(second.files).toEqual(first.files);
  });

  it.each([
    ['gateway:list=[1,2', /^\[INVALID_REQUEST\] --set-json: invalid override "gateway:list": the value is not JSON: /],
    ['gateway:list', /--set-json: invalid override "gateway:list": expected 'component:path=<json>'/],
    ['gateway:enabled=false', /"enabled" is the component enable\/disable toggle and must be set with --set \(e.g. --set gateway:enabled=false\), not --set-json or --set-file/],
    ['gateway:a..b=1', /invalid path segment ""/],
    [`gateway:deep=${'['.repeat(300)}${']'.repeat(300)}`, /nests more than 256 levels/],
  ])('rejects %s (exit 2)', async (flag, message) => {
    const { data, recipe } = smallCatalog();
    const error = await failure(generate(recipe, { data, setJson: [flag] }));
    expect(error.exitCode).toBe(2);
    expect(renderOptionRefs(formatError(error))).toMatch(message);
  });

  it('keeps "__proto__" keys as data, never as a prototype', async () => {
    const { data, recipe } = smallCatalog();
    const bundle = await generate(recipe, { data, setJson: ['gateway:driver.env={"__proto__":{"polluted":"yes"}}', 'gateway:x={"__proto__":{"a":1}}'] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const text = fileText(bundle, '001-gateway/values.yaml');
    expect(text).toContain('__proto__');
    expect(text).toContain("polluted: 'yes'");
    expect(text).toContain('\nx:\n  __proto__:\n    a: 1\n');
  });

  it('refuses a value over 1 MiB', async () => {
    const { data, recipe } = smallCatalog();
    const error = await failure(generate(recipe, { data, setJson: [`gateway:big="${'x'.repeat(1024 * 1024)}"`] }));
    expect(renderOptionRefs(error.message)).toMatch(/^--set-json: override "gateway:big": the value is too large \(1048578 bytes, limit 1048576 bytes\)/);
  });

  it('refuses a path below a non-map and names the flag', async () => {
    const { data, recipe } = smallCatalog();
    const error = await failure(generate(recipe, { data, setJson: ['gateway:allowedSourceRanges.x=1'] }));
    expect(renderOptionRefs(error.message)).toBe('--set-json gateway:allowedSourceRanges.x: path segment "allowedSourceRanges" exists but is not a map (it holds a list)');
  });
});

describe('--set-file', () => {
  it('reads one YAML or JSON value relative to the workspace', async () => {
    const { data, recipe } = smallCatalog();
    const workspace = writeTree({ 'ranges.yaml': '- 216.228.127.128/30\n- 10.0.0.0/8\n', 'cfg/env.json': '{"HTTPS_PROXY":"http://proxy:3128"}' });
    const bundle = await generate(recipe, { data, workspace, setFile: ['gateway:allowedSourceRanges=ranges.yaml', 'gw:driver.env=cfg/env.json'] });
    const values = gatewayValues(bundle);
    expect(values.allowedSourceRanges).toEqual(['216.228.127.128/30', '10.0.0.0/8']);
    expect(values.driver).toEqual({ env: { KEEP: 'yes', DROP: 'bye', HTTPS_PROXY: 'http://proxy:3128' }, version: '1.0' });
  });

  it('refuses a link out of the workspace, a directory, a FIFO, a missing file, an oversized file and bad YAML', async () => {
    const { data, recipe } = smallCatalog();
    const outside = writeTree({ 'secret.yaml': 'token: x\n' });
    const workspace = writeTree({ 'bad.yaml': 'a: [1\n', 'dir/keep': '' });
    symlinkSync(join(outside, 'secret.yaml'), join(workspace, 'link.yaml'));
    writeFileSync(join(workspace, 'big.yaml'), '');
    truncateSync(join(workspace, 'big.yaml'), 1024 * 1024 + 1);
    execFileSync('mkfifo', [join(workspace, 'pipe.yaml')]);
    const cases: Array<[string, RegExp, number]> = [
      ['gateway:x=link.yaml', /^--set-file: gateway:x: "link.yaml" is a symbolic link that leads outside the workspace$/, 2],
      ['gateway:x=dir', /^--set-file: gateway:x: "dir" is not a regular file$/, 2],
      ['gateway:x=pipe.yaml', /^--set-file: gateway:x: "pipe.yaml" is not a regular file$/, 2],
      ['gateway:x=missing.yaml', /^--set-file gateway:x: file not found: missing.yaml$/, 3],
      ['gateway:x=big.yaml', /^--set-file: override "gateway:x": the value is too large \(1048577 bytes, limit 1048576 bytes\)$/, 2],
      ['gateway:x=bad.yaml', /^bad.yaml:/, 2],
      ['gateway:enabled=bad.yaml', /"enabled" is the component enable\/disable toggle/, 2],
    ];
    for (const [flag, message, code] of cases) {
      const error = await failure(generate(recipe, { data, workspace, setFile: [flag] }));
      expect(renderOptionRefs(error.message), flag).toMatch(message);
      expect(error.exitCode, flag).toBe(code);
    }
    // A link that stays inside the workspace is fine, and so is an absolute path outside it (named on purpose).
    mkdirSync(join(workspace, 'values'));
    writeFileSync(join(workspace, 'values', 'real.yaml'), '"inside"\n');
    symlinkSync(join(workspace, 'values', 'real.yaml'), join(workspace, 'inner.yaml'));
    const bundle = await generate(recipe, { data, workspace, setFile: ['gateway:a=inner.yaml', `gateway:b=${join(outside, 'secret.yaml')}`] });
    expect(gatewayValues(bundle)).toMatchObject({ a: 'inside', b: { token: 'x' } });
  });

  it('names the file when a manifest rejects a value it supplied', async () => {
    const { data, recipe } = smallCatalog();
    const workspace = writeTree({ 'profile.yaml': '"a: b\\nc: [d"\n' });
    const error = await failure(generate(recipe, { data, workspace, setFile: ['tuning:profile=profile.yaml'] }));
    expect(renderOptionRefs(formatError(error))).toContain('--set-file tuning:profile="profile.yaml"');
  });
});

describe('overrides that cannot take effect', () => {
  it.each([
    [{ setJson: ['nosuch:a=1'] }, '--set-json nosuch:a cannot take effect: unknown component "nosuch"; recipe declares: gateway, tuning, extra'],
    [{ setJson: ['extra:a=1'] }, '--set-json extra:a cannot take effect: component "extra" is not in the generated bundle because the recipe disables it'],
    [{ set: ['gw:enabled=false'], setJson: ['gateway:a=1'] }, '--set-json gateway:a cannot take effect: component "gateway" is not in the generated bundle because an enabled=false value override removed it'],
    [{ set: ['tuning:profile=x'], setJson: [] as string[], empty: true }, '--set tuning:profile cannot take effect: component "tuning" is not in the generated bundle because it has no chart source and no manifest that renders to content'],
  ])('rejects %j', async (options, message) => {
    const { data, recipe } = smallCatalog();
    if ('empty' in options) writeFileSync(join(data, 'components/tuning/manifests/config.yaml'), '{{- if false }}\nkind: ConfigMap\n{{- end }}\n');
    const { empty: _empty, ...flags } = options as typeof options & { empty?: boolean };
    const error = await failure(generate(recipe, { data, ...flags }));
    expect(renderOptionRefs(error.message)).toBe(message);
    expect(error.exitCode).toBe(2);
  });

  it('keeps --set <component>:enabled=false allowed on a component the recipe disables', async () => {
    const { data, recipe } = smallCatalog();
    const bundle = await generate(recipe, { data, set: ['extra:enabled=false'] });
    expect(bundle.plan.folders.map((folder) => folder.dir)).toEqual(['001-gateway', '002-tuning']);
  });
});
