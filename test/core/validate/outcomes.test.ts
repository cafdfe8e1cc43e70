// The observed upstream v0.11.1 outcomes (spec D.12: one constraint, one reading, written as
// YAML exactly as in the spec) run through our loaders and evaluation. Where we differ on
// purpose the row says so; README "Differences from upstream" lists each one.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AicrError } from '../../../src/core/errors.js';
import { loadDocument } from '../../../src/core/load.js';
import { evaluateRecipe, indexSnapshot } from '../../../src/core/validate/index.js';
import { tempDir } from '../../helpers/catalog.js';

type Ours = 'pass' | 'fail' | 'skip' | 'malformed' | 'invalid-snapshot';
type Upstream = 'pass' | 'FAIL' | 'skip';

/** Writes a one-constraint recipe and a one-reading snapshot and evaluates them. */
async function outcome(path: string, expressionYaml: string, snapshotYaml: string, options: { json?: boolean } = {}): Promise<{ ours: Ours; message?: string; actual?: string }> {
  const dir = tempDir('aicr-outcome-');
  const recipe = join(dir, 'recipe.yaml');
  const snapshot = join(dir, options.json ? 'snapshot.json' : 'snapshot.yaml');
  writeFileSync(recipe, `kind: RecipeResult\napiVersion: aicr.run/v1\ncomponentRefs: []\ndeploymentOrder: []\nconstraints:\n  - name: ${path}\n    value: ${expressionYaml}\n`);
  // The rows are written as in the spec, measurements only: the header every snapshot carries goes first.
  writeFileSync(snapshot, options.json ? snapshotYaml.replace('{', '{"kind": "Snapshot", "apiVersion": "aicr.run/v1", ') : `kind: Snapshot\napiVersion: aicr.run/v1\n${snapshotYaml}`);
  let index;
  try {
    index = indexSnapshot(await loadDocument('Snapshot', snapshot, { option: 'snapshot' }));
  } catch (error) {
    if (error instanceof AicrError && error.code === 'INVALID_REQUEST') return { ours: 'invalid-snapshot', message: error.message };
    throw error;
  }
  const loadedRecipe = await loadDocument('RecipeResult', recipe, { option: 'recipe' });
  try {
    const report = evaluateRecipe(loadedRecipe.document, loadedRecipe.source, index, { recipeOrigin: recipe, snapshotOrigin: snapshot });
    const result = report.constraints[0]!;
    const ours = result.status === 'passed' ? 'pass' : result.status === 'failed' ? 'fail' : 'skip';
    return { ours, message: result.message, ...(result.actual !== undefined ? { actual: result.actual } : {}) };
  } catch (error) {
    if (error instanceof AicrError && error.code === 'INVALID_REQUEST') return { ours: 'malformed', message: error.message };
    throw error;
  }
}

/** A snapshot with one reading at type/subtype/key, the value written as given. */
function snapshotWith(type: string, subtype: string, key: string, valueYaml: string): string {
  return `measurements:\n  - type: ${type}\n    subtypes:\n      - subtype: ${subtype}\n        data:\n          ${key}: ${valueYaml}\n`;
}

const server = (value: string) => snapshotWith('K8s', 'server', 'version', value);
const osrelease = (value: string) => snapshotWith('OS', 'sysctl', '/proc/sys/kernel/osrelease', value);
const release = (key: string, value: string) => snapshotWith('OS', 'release', key, value);
const smi = (key: string, value: string) => snapshotWith('GPU', 'smi', key, value);

// [row, path, expression as YAML, snapshot, ours, upstream, note]
const rows: Array<[number, string, string, string, Ours, Upstream, string]> = [
  [1, 'K8s.server.version', "'>= 1.32.4'", server('v1.33.5-eks-3025e55'), 'pass', 'pass', 'v and -eks-… dropped'],
  [2, 'K8s.server.version', "'>= 1.32.4'", server('1.32.4'), 'pass', 'pass', ''],
  [3, 'K8s.server.version', "'>= 1.32.4'", server('1.30.0'), 'fail', 'FAIL', ''],
  [4, 'K8s.server.version', "'>= 1.32.4'", server('"1.32"'), 'pass', 'pass', 'precision 2'],
  [5, 'K8s.server.version', "'>= 1.32.4'", server('v1.32'), 'pass', 'pass', 'precision 2'],
  [6, 'K8s.server.version', "'<= 1.33'", server('1.33.9'), 'pass', 'pass', ''],
  [7, 'K8s.server.version', "'> 1.30'", server('1.30.7'), 'fail', 'FAIL', 'equal at precision 2'],
  [8, 'K8s.server.version', "'> 1.30'", server('1.31.0'), 'pass', 'pass', ''],
  [9, 'K8s.server.version', "'< 2.0'", server('2.0.0'), 'fail', 'FAIL', ''],
  [10, 'K8s.server.version', "'< 1.33'", server('1.33.0-rc.1'), 'fail', 'FAIL', 'pre-release suffix ignored'],
  [11, 'K8s.server.version', "'<= 1.33.5'", server('v1.33.5-eks-3025e55'), 'pass', 'pass', ''],
  [12, 'K8s.server.version', "'< 1.34'", server('v1.33.5-eks-3025e55'), 'pass', 'pass', ''],
  [13, 'K8s.server.version', "'>= 1.28.3'", server('v1.28.0-gke.1337000'), 'fail', 'FAIL', ''],
  [14, 'K8s.server.version', "'>= 1.32'", server('1.32.0+build.5'), 'pass', 'pass', ''],
  [15, 'K8s.server.version', "'>= 1.33.5-eks-abc'", server('1.33.5'), 'pass', 'pass', ''],
  [16, 'K8s.server.version', "'> 1.33.5-eks-abc'", server('1.33.5-eks-xyz'), 'fail', 'FAIL', ''],
  [17, 'K8s.server.version', "'== 1.33.5-eks-abc'", server('v1.33.5-eks-xyz'), 'pass', 'pass', ''],
  [18, 'K8s.server.version', "'>= v1.32'", server('v1.33'), 'pass', 'pass', ''],
  [19, 'K8s.server.version', "'>= 1'", server('1.99'), 'pass', 'pass', 'precision 1 (1.99 is a YAML float here: text kept)'],
  [20, 'K8s.server.version', "'> 1'", server('1.99'), 'fail', 'FAIL', ''],
  [21, 'K8s.server.version', "'>=1.32'", server('1.33.0'), 'pass', 'pass', ''],
  [22, 'K8s.server.version', "'>=    1.32   '", server('1.33.0'), 'pass', 'pass', ''],
  [23, 'K8s.server.version', "'>= 1.32'", server('"  1.33.0  "'), 'pass', 'pass', 'actual trimmed'],
  [24, 'OS.sysctl./proc/sys/kernel/osrelease', "'>= 6.8'", osrelease('6.8.0-1028-aws'), 'pass', 'pass', ''],
  [25, 'OS.sysctl./proc/sys/kernel/osrelease', "'>= 6.8'", osrelease('5.15.0-1050-aws'), 'fail', 'FAIL', ''],
  [26, 'OS.sysctl./proc/sys/kernel/osrelease', "'> 6.8.0-1028-aws'", osrelease('6.8.0-1030-aws'), 'fail', 'FAIL', ''],
  [27, 'OS.sysctl./proc/sys/kernel/osrelease', "'>= 6.8.0-1028'", osrelease('6.8.0-1010-aws'), 'pass', 'pass', ''],
  [28, 'OS.sysctl./proc/sys/kernel/osrelease', "'== 6.8.0-1028-aws'", osrelease('6.8.0-1030-aws'), 'pass', 'pass', 'build number ignored'],
  [29, 'OS.sysctl./proc/sys/kernel/osrelease', '6.8.0-1028-aws', osrelease('6.8.0-1028-aws'), 'pass', 'pass', 'exact'],
  [30, 'K8s.server.version', "'== 1.2.3'", server('v1.2.3'), 'pass', 'pass', ''],
  [31, 'K8s.server.version', "'== 1.32'", server('1.32.4'), 'fail', 'FAIL', 'Equals uses 3 components'],
  [32, 'K8s.server.version', "'== 1.32'", server('v1.32.0'), 'pass', 'pass', ''],
  [33, 'K8s.server.version', "'== v25.10.1'", server('v25.10.1'), 'pass', 'pass', ''],
  [34, 'K8s.server.version', "'== 1.33.5'", server('v1.33.5-eks-abc'), 'pass', 'pass', ''],
  [35, 'K8s.server.version', "'!= 1.33'", server('1.33.0'), 'fail', 'FAIL', ''],
  [36, 'K8s.server.version', "'!= 1.33'", server('1.33.1'), 'pass', 'pass', ''],
  [37, 'OS.release.ID', "'!= rhel'", release('ID', 'ubuntu'), 'pass', 'pass', ''],
  [38, 'OS.release.ID', "'!= ubuntu'", release('ID', 'ubuntu'), 'fail', 'FAIL', ''],
  [39, 'OS.release.ID', "'!=ubuntu'", release('ID', 'ubuntu'), 'fail', 'FAIL', ''],
  [40, 'OS.release.VERSION_ID', "'24.04'", release('VERSION_ID', '"24.04"'), 'pass', 'pass', ''],
  [41, 'OS.release.VERSION_ID', "'24.04'", release('VERSION_ID', '24.04'), 'pass', 'pass', 'unquoted float keeps its text'],
  [42, 'OS.release.VERSION_ID', "'24.04'", release('VERSION_ID', '"24.4"'), 'fail', 'FAIL', 'exact is textual'],
  [43, 'OS.release.VERSION_ID', "'== 24.04'", release('VERSION_ID', '"24.4"'), 'pass', 'pass', ''],
  [44, 'OS.release.ID', 'Ubuntu', release('ID', 'ubuntu'), 'fail', 'FAIL', 'case-sensitive'],
  [45, 'OS.release.ID', "'== Ubuntu'", release('ID', 'ubuntu'), 'fail', 'FAIL', ''],
  [46, 'OS.release.ID', 'ubuntu', release('ID', '"  ubuntu "'), 'pass', 'pass', ''],
  [47, 'OS.release.ID', `'"ubuntu"'`, release('ID', 'ubuntu'), 'fail', 'FAIL', 'quotes are literal'],
  [48, 'K8s.server.version', "'1.33'", server('v1.33'), 'fail', 'FAIL', 'exact never version-aware'],
  [49, 'K8s.server.version', 'v1.33.0', server('v1.33.0'), 'pass', 'pass', ''],
  [50, 'K8s.server.version', "'=1.33.0'", server('1.33.0'), 'malformed', 'FAIL', 'DIFFERENCE: unknown operator is an input error'],
  [51, 'K8s.server.version', "'~1.33'", server('1.33.0'), 'malformed', 'FAIL', 'DIFFERENCE: unknown operator'],
  [52, 'K8s.server.version', "'=>1.33'", server('1.33.0'), 'malformed', 'FAIL', 'DIFFERENCE: unknown operator'],
  [53, 'OS.release.PRETTY', "'== ubuntu22.04'", release('PRETTY', 'ubuntu22.04'), 'pass', 'pass', ''],
  [54, 'OS.release.PRETTY', "'!= ubuntu22.04'", release('PRETTY', 'ubuntu24.04'), 'pass', 'pass', ''],
  [55, 'K8s.server.version', "'>= 1.30'", server('not-a-version'), 'skip', 'skip', 'cannot parse actual version'],
  [56, 'K8s.server.version', "'>= abc'", server('1.30'), 'malformed', 'skip', 'DIFFERENCE: expected side is the recipe author’s error'],
  [57, 'K8s.server.version', "'>= 1.30'", server('V1.33.0'), 'skip', 'skip', ''],
  [58, 'K8s.server.version', "'>= V1.30'", server('1.33.0'), 'malformed', 'skip', 'DIFFERENCE'],
  [59, 'K8s.server.version', "'>= 1.2.3.4'", server('1.3.0'), 'malformed', 'skip', 'DIFFERENCE'],
  [60, 'K8s.server.version', "'>= 1.30'", server('1.33.0rc1'), 'skip', 'skip', ''],
  [61, 'K8s.server.version', "'>= 1.30'", server('1.33a'), 'skip', 'skip', ''],
  [62, 'K8s.server.version', "'>= 1.30'", server('1.33.x-foo'), 'skip', 'skip', ''],
  [63, 'K8s.server.version', "'>= 1.30'", server('1..30'), 'skip', 'skip', ''],
  [64, 'K8s.server.version', "'>= -1'", server('"1.0"'), 'malformed', 'skip', 'DIFFERENCE'],
  [65, 'K8s.server.version', "'>='", server('1.33.0'), 'malformed', 'skip', 'DIFFERENCE'],
  [66, 'K8s.server.version', "''", server('1.33.0'), 'malformed', 'skip', 'DIFFERENCE'],
  [67, 'K8s.nosuch.version', "'>= 1.0'", server('1.33.0'), 'skip', 'skip', 'subtype not found'],
  [68, 'K8s.server.nokey', "'>= 1.0'", server('1.33.0'), 'skip', 'skip', 'key not found'],
  [69, 'GPU.smi.driver', "'>= 1.0'", server('1.33.0'), 'skip', 'skip', 'measurement type not found'],
  [70, 'Gpu.smi.driver', "'>= 1.0'", smi('driver', '570.86.15'), 'malformed', 'skip', 'DIFFERENCE'],
  [71, 'K8s.server', "'>= 1.0'", server('1.33.0'), 'malformed', 'skip', 'DIFFERENCE'],
  [72, 'SystemD.containerd.service.ActiveState', 'active', snapshotWith('SystemD', 'containerd.service', 'ActiveState', 'active'), 'pass', 'skip', 'DIFFERENCE: dotted subtypes resolve'],
  [73, 'GPU.smi.gpu.model', 'NVIDIA H100 80GB HBM3', smi('gpu.model', 'NVIDIA H100 80GB HBM3'), 'pass', 'pass', ''],
  [74, 'GPU.smi.gpu-count', "'>= 8'", smi('gpu-count', '8'), 'pass', 'pass', ''],
  [75, 'GPU.smi.gpu-count', "'>= 8'", smi('gpu-count', '16'), 'pass', 'pass', ''],
  [76, 'GPU.smi.gpu-count', "'>= 10'", smi('gpu-count', '9'), 'fail', 'FAIL', ''],
  [77, 'GPU.smi.gpu-count', "'== 8'", smi('gpu-count', '8'), 'pass', 'pass', ''],
  [78, 'GPU.smi.gpu-count', "'== 08'", smi('gpu-count', '8'), 'fail', 'FAIL', ''],
  [79, 'GPU.smi.gpu-count', "'>= 2'", smi('gpu-count', '"1.99"'), 'fail', 'FAIL', ''],
  [80, 'OS.kmod.nvidia', "'true'", snapshotWith('OS', 'kmod', 'nvidia', 'true'), 'pass', 'pass', ''],
  [81, 'OS.kmod.nvidia', 'True', snapshotWith('OS', 'kmod', 'nvidia', 'true'), 'fail', 'FAIL', ''],
  [82, 'GPU.smi.cuda-version', "'>= 12.4'", smi('cuda-version', '12.8'), 'pass', 'pass', ''],
  [83, 'GPU.smi.cuda-version', "'>= 12.4'", smi('cuda-version', '12.10'), 'pass', 'FAIL', 'DIFFERENCE: 12.10 keeps its text'],
  [84, 'GPU.smi.cuda-version', "'12.10'", smi('cuda-version', '12.10'), 'pass', 'FAIL', 'DIFFERENCE: 12.10 keeps its text'],
  [85, 'K8s.server.version', "'>= 1.30'", server('1.99999999999999999999'), 'pass', 'pass', 'text kept: 1.99999999999999999999'],
  [86, 'K8s.server.version', "'<nil>'", server('null'), 'malformed', 'skip', 'DIFFERENCE: "<" with operand "nil>" is malformed'],
  [87, 'OS.nullish.n', "'== <nil>'", snapshotWith('OS', 'nullish', 'n', 'null'), 'skip', 'pass', 'DIFFERENCE: null has no value'],
  [88, 'OS.nullish.l', "'[a b]'", snapshotWith('OS', 'nullish', 'l', '[a, b]'), 'invalid-snapshot', 'pass', 'DIFFERENCE: readings are scalars'],
  [89, 'OS.nullish.m', "'map[k:v]'", snapshotWith('OS', 'nullish', 'm', '{k: v}'), 'invalid-snapshot', 'pass', 'DIFFERENCE: readings are scalars'],
  [90, 'OS.nullish.t', "'2024-01-02'", snapshotWith('OS', 'nullish', 't', '2024-01-02'), 'pass', 'FAIL', 'DIFFERENCE: YAML 1.2 has no dates'],
  [91, 'OS.nullish.big', "'18446744073709551615'", snapshotWith('OS', 'nullish', 'big', '18446744073709551615'), 'pass', 'pass', ''],
  [92, 'OS.nullish.neg', "'-5'", snapshotWith('OS', 'nullish', 'neg', '-5'), 'pass', 'pass', ''],
  [97, 'K8s.server.version', "'>= 1.35'\n    severity: warning", server('v1.30.0'), 'fail', 'FAIL', 'severity does not change the outcome'],
  [98, 'K8s.server.version', '8', server('"8"'), 'pass', 'pass', 'recipe scalars keep their text'],
  [99, 'GPU.smi.s', '12.10', smi('s', '"12.10"'), 'pass', 'pass', 'recipe 12.10 stays 12.10'],
];

describe('spec D.12 outcomes through validate', () => {
  it.each(rows)('row %i: %s %s against %j → %s (upstream %s) %s', async (_row, path, expression, snapshot, ours) => {
    const result = await outcome(path, expression, snapshot);
    expect(result.ours, result.message).toBe(ours);
  });

  it('keeps numbers as written, also in JSON snapshots (rows 93–96)', async () => {
    const json = (value: string) => `{"measurements":[{"type":"GPU","subtypes":[{"subtype":"smi","data":{"v":${value}}}]}]}`;
    expect(await outcome('GPU.smi.v', "'1048576'", json('1048576'), { json: true })).toMatchObject({ ours: 'pass', actual: '1048576' });
    expect(await outcome('GPU.smi.v', "'>= 1048576'", json('1048576'), { json: true })).toMatchObject({ ours: 'pass' });
    expect(await outcome('GPU.smi.v', "'8'", json('8'), { json: true })).toMatchObject({ ours: 'pass' });
    expect(await outcome('GPU.smi.v', "'12.10'", json('12.10'), { json: true })).toMatchObject({ ours: 'pass', actual: '12.10' });
    expect(await outcome('GPU.smi.v', "'12.1'", json('1.21e1'), { json: true })).toMatchObject({ ours: 'pass', actual: '12.1' });
  });

  it('turns other number notations into plain decimals (full YAML parser path)', async () => {
    expect(await outcome('OS.x.hex', "'31'", snapshotWith('OS', 'x', 'hex', '0x1F'))).toMatchObject({ ours: 'pass', actual: '31' });
    expect(await outcome('OS.x.exp', "'1000'", snapshotWith('OS', 'x', 'exp', '1e3'))).toMatchObject({ ours: 'pass', actual: '1000' });
    // Flow style forces the full parser; the text of 12.10 is still recovered.
    const flow = 'measurements: [{type: GPU, subtypes: [{subtype: smi, data: {cuda-version: 12.10}}]}]\n';
    expect(await outcome('GPU.smi.cuda-version', "'>= 12.4'", flow)).toMatchObject({ ours: 'pass', actual: '12.10' });
  });

  it('gives skip reasons that name the missing part', async () => {
    expect((await outcome('K8s.nosuch.version', "'>= 1.0'", server('1.33.0'))).message).toBe('subtype "nosuch" not found in the K8s measurement');
    expect((await outcome('K8s.server.nokey', "'>= 1.0'", server('1.33.0'))).message).toBe('key "nokey" not found in K8s subtype "server"');
    expect((await outcome('GPU.smi.driver', "'>= 1.0'", server('1.33.0'))).message).toBe('measurement type GPU not found in the snapshot');
    expect((await outcome('K8s.server.version', "'>= 1.30'", server('not-a-version'))).message).toContain('cannot parse actual version: "not-a-version" has a non-numeric component');
    expect((await outcome('OS.nullish.n', "'x'", snapshotWith('OS', 'nullish', 'n', '~'))).message).toContain('has no value (null)');
  });
});
