import type { Command } from '../context.js';
import { ExitCode } from '../../core/errors.js';
import { parseOutputFormat } from '../../core/format.js';
import { parseLocation, writeLocation, type Location } from '../../core/io.js';
import { toJson, toYaml } from '../../core/serialize.js';
import {
  formatDotenv,
  formatReportTable,
  relativeTo,
  runValidation,
  toCodeQuality,
  toCtrf,
  toJunitXml,
} from '../../core/validate/index.js';

const optionalLocation = (value: unknown, input: string): Location | undefined =>
  typeof value === 'string' && value !== '' ? parseLocation(value, input) : undefined;

export const command: Command = {
  spec: {
    name: 'validate',
    summary: 'Check a recipe\'s constraints against a snapshot and write the report (CTRF; JUnit and GitLab Code Quality on request).',
    usage: 'aicr validate --recipe F --snapshot F [--phase P] [--fail-on-error=false] [--output F] [--junit F] [--codequality F] [--dotenv F] [--format table|json|yaml]',
    flags: [
      { name: 'recipe', aliases: ['-r'], type: 'string', value: '<file|url|cm://ns/name|->', description: 'RecipeResult to validate (aicr recipe output)' },
      { name: 'snapshot', aliases: ['-s'], type: 'string', value: '<file|url|cm://ns/name|->', description: 'Snapshot to validate against (aicr snapshot output)' },
      {
        name: 'phase',
        type: 'list',
        value: '<phase>',
        description: 'live phases to list: deployment, performance, conformance, all, or readiness for the constraints only; comma lists allowed (readiness constraints are always evaluated; live phases are reported skipped: they need a live cluster validator)',
      },
      { name: 'fail-on-error', type: 'boolean', default: true, description: `exit ${ExitCode.ConstraintsFailed} when a constraint fails; --fail-on-error=false reports without failing` },
      { name: 'output', aliases: ['-o'], type: 'string', value: '<file|cm://ns/name|->', description: 'where to write the CTRF JSON report (- for stdout)' },
      { name: 'junit', type: 'string', value: '<file>', description: 'also write a JUnit XML report' },
      { name: 'codequality', type: 'string', value: '<file>', description: 'also write a GitLab Code Quality report (failed and skipped constraints at their recipe lines)' },
      { name: 'dotenv', type: 'string', value: '<file>', description: 'also write AICR_VALIDATE_STATUS/PASSED/FAILED/SKIPPED lines (GitLab dotenv report)' },
      { name: 'format', aliases: ['-t'], type: 'string', value: '<format>', description: 'terminal output: table, json or yaml (json/yaml print the CTRF report)', default: 'table' },
      { name: 'kubeconfig', aliases: ['-k'], type: 'string', value: '<file>', description: 'kubeconfig for cm:// inputs and outputs (default: $KUBECONFIG, ~/.kube/config, in-cluster)' },
      { name: 'timestamps', type: 'boolean', description: 'stamp the CTRF report with the current time (default: no time, so reruns give identical files)' },
      { name: 'no-cluster', type: 'boolean', description: 'accepted for upstream compatibility; validate never contacts a cluster here' },
    ],
    examples: [
      'aicr validate --recipe recipe.yaml --snapshot snapshot.yaml',
      'aicr validate -r recipe.yaml -s snapshot.yaml -o report.json --junit junit.xml --codequality gl-code-quality-report.json',
      'aicr validate -r recipe.yaml -s cm://gpu-ops/aicr-snapshot --phase deployment,conformance --fail-on-error=false',
    ],
  },
  async run({ flags }, context) {
    const format = parseOutputFormat(String(flags.format));
    const output = optionalLocation(flags.output, '--output');
    const junit = optionalLocation(flags.junit, '--junit');
    const codequality = optionalLocation(flags.codequality, '--codequality');
    const dotenv = optionalLocation(flags.dotenv, '--dotenv');
    const kubeconfig = typeof flags.kubeconfig === 'string' && flags.kubeconfig !== '' ? { kubeconfig: flags.kubeconfig } : {};
    const { report } = await runValidation({
      recipe: typeof flags.recipe === 'string' ? flags.recipe : '',
      snapshot: typeof flags.snapshot === 'string' ? flags.snapshot : '',
      phases: (flags.phase as string[] | undefined) ?? [],
      stdin: context.stdin,
      ...kubeconfig,
    });
    for (const note of report.notes) context.logger.warning(note);
    const paths = relativeTo(process.cwd());
    // The CTRF document is built only when something prints or writes it.
    let ctrf: ReturnType<typeof toCtrf> | undefined;
    const ctrfDocument = () => (ctrf ??= toCtrf(report, { paths, ...(flags.timestamps === true ? { time: new Date() } : {}) }));
    const ctrfText = () => toJson(ctrfDocument());
    const stdout = { kind: 'stdio', text: '-' } as const;
    const write = { stdout: context.stdout, ...kubeconfig };
    if (output) await writeLocation(output, ctrfText(), { input: '--output', format: 'json', kind: 'ValidationReport', ...write });
    if (junit) await writeLocation(junit, toJunitXml(report, { paths }), { input: '--junit', ...write });
    if (codequality) await writeLocation(codequality, toJson(toCodeQuality(report, { paths })), { input: '--codequality', format: 'json', ...write });
    if (dotenv) await writeLocation(dotenv, formatDotenv(report, output && output.kind !== 'stdio' ? output.text : undefined), { input: '--dotenv', ...write });
    if (output?.kind !== 'stdio') {
      const text = format === 'json' ? ctrfText() : format === 'yaml' ? toYaml(ctrfDocument()) : formatReportTable(report);
      await writeLocation(stdout, text, { stdout: context.stdout });
    }
    const { summary } = report;
    const failing = summary.failed > 0 && flags['fail-on-error'] !== false;
    context.logger.info(
      `validate: ${report.status} (${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped of ${summary.constraints} constraints; ` +
        `${report.phases.length ? `${report.phases.map((p) => p.phase).join(', ')} skipped: needs a live cluster validator` : 'no live phases requested'})` +
        (failing ? `; exit ${ExitCode.ConstraintsFailed}` : ''),
    );
    return failing ? ExitCode.ConstraintsFailed : ExitCode.Success;
  },
};
