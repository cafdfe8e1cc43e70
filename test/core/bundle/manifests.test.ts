import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { declaresNamespace, isEmptyManifest, stripHookAnnotations } from '../../../src/core/bundle/manifests.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { EKS_RECIPE, generate } from './support.js';

const asData = (text: string) => parseAllDocuments(text).map((document) => document.toJS());

describe('manifests', () => {
  it('treats blank lines, comments and separators as empty', () => {
    expect(isEmptyManifest('\n---\n# only a comment\n  \n---\n')).toBe(true);
    expect(isEmptyManifest('---\nkind: X\n')).toBe(false);
  });

  it('detects a Namespace document', () => {
    expect(declaresNamespace([{ source: 'a', name: 'a', content: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n' }])).toBe(true);
    expect(declaresNamespace([{ source: 'a', name: 'a', content: 'kind: NamespaceConfig\n' }])).toBe(false);
  });

  it('removes only hook annotations, keeping every other byte', () => {
    const text = [
      'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: x', '  annotations:', '    "helm.sh/hook": pre-install', '    keep: "1"',
      '    helm.sh/hook-weight: |', '      5', '    helm.sh/hook-delete-policy: before-hook-creation', '  labels:', '    a: b',
      'data:', '  helm.sh/hook: keep-me', '  annotations: |', '    helm.sh/hook: also-kept', '---', 'kind: A', 'metadata:', '  annotations:', "    'helm.sh/hook': x", '  name: y', '',
    ].join('\n');
    const out = stripHookAnnotations(text);
    expect(asData(out)).toEqual([
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', annotations: { keep: '1' }, labels: { a: 'b' } }, data: { 'helm.sh/hook': 'keep-me', annotations: 'helm.sh/hook: also-kept\n' } },
      { kind: 'A', metadata: { name: 'y' } },
    ]);
    expect(out.split('\n').filter((line) => !text.split('\n').includes(line))).toEqual([]);
    expect(stripHookAnnotations('kind: X\n')).toBe('kind: X\n');
  });

  it('strips every catalog manifest into valid YAML without hooks', () => {
    const dir = join(REPO_ROOT, 'recipes', 'components');
    for (const component of readdirSync(dir)) {
      const manifests = join(dir, component, 'manifests');
      let names: string[] = [];
      try {
        names = readdirSync(manifests);
      } catch {
        continue;
      }
      for (const name of names) {
        // Template-only lines go; inline actions become plain text, so the rest is YAML.
        const text = readFileSync(join(manifests, name), 'utf8').split('\n').filter((line) => !/^\s*\{\{[^}]*\}\}\s*$/.test(line)).join('\n').replace(/\{\{[^}]*\}\}/g, 'x');
        const out = stripHookAnnotations(text);
        for (const document of parseAllDocuments(out)) expect(document.errors, `${component}/${name}`).toEqual([]);
        expect(out).not.toMatch(/^\s+["']?helm\.sh\/hook/m);
      }
    }
  });

  it('renders the eks recipe manifests with the final values (scheduling included)', async () => {
    const bundle = await generate(EKS_RECIPE, { acceleratedNodeSelector: { nodeGroup: 'gpu' }, acceleratedNodeToleration: ['nvidia.com/gpu=present:NoSchedule'], workloadSelector: { app: 'training' } });
    const tuning = bundle.files.find((file) => file.path === '006-nodewright-customizations/templates/tuning.yaml')!.content as string;
    const [skyhook] = asData(tuning) as Array<{ spec: Record<string, any>; metadata: Record<string, any> }>;
    expect(skyhook!.spec.additionalTolerations).toEqual([{ effect: 'NoSchedule', key: 'nvidia.com/gpu', operator: 'Equal', value: 'present' }]);
    expect(skyhook!.spec.nodeSelectors).toEqual({ matchLabels: { nodeGroup: 'gpu' } });
    expect(skyhook!.spec.podNonInterruptLabels).toEqual({ matchLabels: { app: 'training' } });
    // No Helm hook annotation reaches the chart; upstream's lint marker stays.
    expect(skyhook!.metadata.annotations).toEqual({ 'aicr/skip-hook-validation': 'true' });
    expect(skyhook!.metadata.labels['helm.sh/chart']).toBe('nodewright-customizations-0.1.0');
    expect(bundle.notes.filter((note) => note.includes('nodewright-customizations is enabled'))).toEqual([]);
  });
});
