import { describe, expect, it } from 'vitest';
import { EKS_RECIPE, generate } from './support.js';

describe('bundle README notes', () => {
  it('name options as the command line spells them, with no raw option references', async () => {
    const bundle = await generate(EKS_RECIPE);
    const readme = bundle.files.find((file) => file.path === 'README.md')!.content;
    expect(readme).toContain('set --storage-class <name> or --set kube-prometheus-stack:prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec.storageClassName=<name> to avoid');
    expect(readme).not.toMatch(/[\uE000\uE001]/);
    for (const file of bundle.files) expect(file.content, file.path).not.toMatch(/[\uE000\uE001]/);
  });
});
