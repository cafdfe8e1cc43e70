// The credit section of recipes/README.md, rewritten by each import to name what was imported.
const HEADING = '## Credits and licence';

/** `readme` with its credit section (to the next `## ` heading or the end) written for `upstream`. */
export function creditSection(readme: string, upstream: string, notices: readonly string[]): string {
  const body = [
    HEADING,
    '',
    'The component facts in this catalog (chart sources, versions, namespaces,',
    'values and settings, criteria, constraints, dependencies, validation phases and',
    'checks, node-scheduling paths and the validator catalog) and the manifests',
    "under `components/*/manifests/` follow the validated recipe catalog of",
    `NVIDIA AI Cluster Runtime (AICR) ${upstream}, <https://github.com/NVIDIA/aicr>,`,
    'which is published under the Apache License 2.0. The files were imported by',
    '`npm run sync-catalog` as plain data without upstream\'s comments and prose;',
    'recipes generated from this folder are meant to be identical to those generated',
    `by AICR ${upstream}. The full text of that licence is in`,
    '[`LICENSE-upstream-aicr`](LICENSE-upstream-aicr).',
  ];
  if (notices.length) {
    body.push('', 'These vendored third-party manifests keep their own copyright and licence notice:', '', ...notices.map((path) => `- \`${path}\``));
  }
  const start = readme.indexOf(`${HEADING}\n`);
  if (start === -1) return `${readme.replace(/\n*$/, '\n\n')}${body.join('\n')}\n`;
  const next = readme.indexOf('\n## ', start + HEADING.length);
  const rest = next === -1 ? '' : readme.slice(next);
  return `${readme.slice(0, start)}${body.join('\n')}\n${rest}`;
}
