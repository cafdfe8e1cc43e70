// The image scanner, case by case as upstream's bill-of-materials scanner reads YAML.
import { describe, expect, it } from 'vitest';
import { extractImages, ImageScanError } from '../../../src/core/mirror/images.js';
import { AicrError } from '../../../src/core/errors.js';

const images = (text: string) => extractImages(text, 'test');

describe('extractImages', () => {
  it('reads image scalars of every document, sorted and unique', async () => {
    expect(await images('spec:\n  containers:\n    - image: nvcr.io/nvidia/b:1\n    - image: nvcr.io/nvidia/a:2\n---\nimage: nvcr.io/nvidia/a:2\n')).toEqual(['nvcr.io/nvidia/a:2', 'nvcr.io/nvidia/b:1']);
  });

  it('combines the CRD triplet (image, repository, version) and a containerSHA digest', async () => {
    expect(await images('driver:\n  repository: nvcr.io/nvidia\n  image: driver\n  version: "580.1"\n')).toEqual(['nvcr.io/nvidia/driver:580.1']);
    // An image that already names a registry keeps it; one with a tag keeps its tag.
    expect(await images('x:\n  repository: nvcr.io/nvidia\n  image: ghcr.io/o/i:1\n  version: "2"\n')).toEqual(['ghcr.io/o/i:1']);
    const sha = `sha256:${'a'.repeat(64)}`;
    expect(await images(`x:\n  image: nvcr.io/n/i\n  version: v1\n  containerSHA: ${sha}\n`)).toEqual([`nvcr.io/n/i:v1@${sha}`]);
  });

  it('reads image mappings (repository/tag, name/repository/tag, scalingPodImage)', async () => {
    expect(await images('image:\n  repository: registry.k8s.io/nfd/node-feature-discovery\n  tag: v0.19.0\n')).toEqual(['registry.k8s.io/nfd/node-feature-discovery:v0.19.0']);
    expect(await images('image:\n  name: operator\n  repository: ghcr.io/nvidia\n  tag: v1\n')).toEqual(['ghcr.io/nvidia/operator:v1']);
    expect(await images('scalingPodImage:\n  repository: nvcr.io/n/scaler\n  tag: "3"\n')).toEqual(['nvcr.io/n/scaler:3']);
    // An empty tag is allowed: a repository with a registry host still counts.
    expect(await images('image:\n  repository: nvcr.io/n/x\n  tag: ""\n')).toEqual(['nvcr.io/n/x']);
  });

  it('skips what is no image: template values, bare names, paths, booleans', async () => {
    expect(await images('a:\n  image: {{ .Values.image }}\nb:\n  image: "busybox"\nc:\n  image: ./local\nd:\n  image: "true"\ne:\n  image: "nvcr.io/x:{{ .Chart.AppVersion }}"\n')).toEqual([]);
    expect(await images('image: busybox:1.36\n')).toEqual(['busybox:1.36']);
  });

  it('refuses a structured descriptor it cannot combine (exit 2)', async () => {
    const error = await images('image:\n  registry: nvcr.io\n  repository: n/x\n  tag: v1\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AicrError);
    expect([(error as AicrError).exitCode, (error as AicrError).message]).toEqual([2, expect.stringContaining('field "registry" at line 2')]);
    const empty = await images('image:\n  repository:\n  tag: v1\n').catch((e: unknown) => e);
    expect((empty as AicrError).message).toContain('field "repository" at line 2 must be a non-null, non-empty scalar');
    const sha = await images('x:\n  image: nvcr.io/n/i:1\n  containerSHA: sha256:nothex\n').catch((e: unknown) => e);
    expect((sha as AicrError).exitCode).toBe(2);
  });

  it('reports text that is not YAML, and a runaway of aliases, as scan failures', async () => {
    await expect(images('a: [\n')).rejects.toBeInstanceOf(ImageScanError);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
    await expect(images(bomb)).rejects.toThrow(/YAML nodes to visit/);
  });
});
