/** Bundle-time validation findings as a GitLab Code Quality report (Code Climate subset). */
import type { CodeQualityIssue } from '../../code-quality.js';
import { renderOptionRefs, type OptionNamer } from '../../option-refs.js';
import { sha256 } from '../../util/lazy-builtins.js';
import type { ValidationFinding } from '../types.js';


/**
 * One issue per finding, at the recipe the bundle was made from: a blocking finding is
 * `blocker`, a warning `minor`. The fingerprint hashes the component, function and message,
 * so the same finding keeps its identity between pipelines.
 */
export function toCodeQuality(findings: readonly ValidationFinding[], recipePath: string, namer?: OptionNamer): CodeQualityIssue[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const checkName = `aicr-bundle/${finding.function}`;
    const identity = `${checkName}\u0000${recipePath}\u0000${finding.component}\u0000${finding.message}`;
    const occurrence = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, occurrence);
    return {
      description: renderOptionRefs(finding.message, namer),
      check_name: checkName,
      fingerprint: sha256().update(`${identity}\u0000${occurrence}`).digest('hex'),
      severity: finding.severity === 'error' ? 'blocker' : 'minor',
      location: { path: recipePath, lines: { begin: 1 } },
    };
  });
}
