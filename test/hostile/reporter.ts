/**
 * `npm run reliability`: runs the hostile corpus (test/hostile/*.test.ts) and prints one table,
 * a row per class (each file's top-level describe): cases tried, passed, failed.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class ReliabilityReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const classes = new Map<string, { tried: number; passed: number; failed: string[] }>();
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        let suite = test.parent;
        while (suite.type === 'suite' && suite.parent.type === 'suite') suite = suite.parent;
        const name = suite.type === 'suite' ? suite.name : module.moduleId.replace(/^.*\//, '');
        const row = classes.get(name) ?? { tried: 0, passed: 0, failed: [] };
        const state = test.result().state;
        if (state === 'skipped' || state === 'pending') continue;
        row.tried++;
        if (state === 'passed') row.passed++;
        else row.failed.push(test.fullName);
        classes.set(name, row);
      }
    }
    const rows = [...classes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const total = rows.reduce((sum, [, row]) => ({ tried: sum.tried + row.tried, passed: sum.passed + row.passed }), { tried: 0, passed: 0 });
    const width = Math.max(5, ...rows.map(([name]) => name.length));
    const line = (cells: string[]) => `| ${cells[0]!.padEnd(width)} | ${cells[1]!.padStart(5)} | ${cells[2]!.padStart(6)} |`;
    const out = ['', line(['class', 'tried', 'passed']), `|${'-'.repeat(width + 2)}|-------|--------|`];
    for (const [name, row] of rows) out.push(line([name, String(row.tried), String(row.passed)]));
    out.push(line(['total', String(total.tried), String(total.passed)]));
    for (const [, row] of rows) for (const failed of row.failed) out.push(`failed: ${failed}`);
    process.stdout.write(out.join('\n') + '\n');
  }
}
