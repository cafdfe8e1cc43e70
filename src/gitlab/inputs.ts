/**
 * The GitLab door. A component's job passes each input to the aicr CLI as an `expand: false`
 * variable AICR_INPUT_<NAME> (values never touch the shell) and runs `aicr <command>
 * --inputs-from-env`; the CLI reads them here through the same typed reader as every door.
 */
import { readOptions, type RawValue } from '../core/options/values.js';
import { nameAt, type OptionTable, type OptionValues } from '../core/options/spec.js';

/** The variable that carries a GitLab input to the CLI: `agent-image` → AICR_INPUT_AGENT_IMAGE. */
export function inputVariable(name: string): string {
  return `AICR_INPUT_${name.toUpperCase().replace(/-/g, '_')}`;
}

/** Typed values from the job's AICR_INPUT_* variables; `flags` given on the command line win. */
export function readGitlabInputs<T extends OptionTable>(table: T, env: NodeJS.ProcessEnv, flags: ReadonlyMap<string, readonly string[]> = new Map()): OptionValues<T> {
  return readOptions(table, 'gitlab', (property, spec): RawValue => {
    const given = flags.get(property);
    if (given && given.some((text) => text !== '')) return given;
    return env[inputVariable(nameAt(property, spec, 'gitlab'))];
  });
}
