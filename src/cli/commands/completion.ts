import { defineOptions } from '../../core/options/spec.js';
import { completionScript, flagInfos, SHELLS, type CommandInfo } from '../completion.js';
import { defineCommand, GLOBAL_OPTIONS, type CommandEntry } from '../context.js';

const TERMINAL = 'completion is for an interactive shell';

const COMPLETION_OPTIONS = defineOptions({
  shell: { type: 'enum', choices: SHELLS, required: true, positional: true, description: 'The shell: bash, zsh or fish.', placeholder: '<shell>', absent: { action: TERMINAL, gitlab: TERMINAL } },
});

/** `aicr completion <shell>`, generated from the option tables of `commands` (and its own). */
export function completionCommand(commands: Readonly<Record<string, CommandEntry>>, subcommands: Readonly<Record<string, Readonly<Record<string, CommandEntry>>>> = {}) {
  const command = defineCommand({
    name: 'completion',
    summary: 'Print a completion script for bash, zsh or fish: commands, flags and their values, generated from the option tables.',
    usage: 'aicr completion bash|zsh|fish',
    options: COMPLETION_OPTIONS,
    examples: ['source <(aicr completion bash)', 'source <(aicr completion zsh)', 'aicr completion fish > ~/.config/fish/completions/aicr.fish'],
    async run(values, context) {
      const infos: CommandInfo[] = [];
      for (const [name, entry] of Object.entries(commands)) {
        const info: CommandInfo = { name, summary: entry.summary, flags: flagInfos((await entry.load()).options) };
        // A subcommand (`recipe list`) is offered where the command takes words, with its flags beside the command's.
        const subs = Object.entries(subcommands[name] ?? {});
        if (subs.length) {
          info.positionals = subs.map(([sub]) => sub);
          const known = new Set(info.flags.flatMap((flag) => flag.names));
          for (const [, sub] of subs) for (const flag of flagInfos((await sub.load()).options)) if (!flag.names.some((n) => known.has(n))) info.flags.push(flag);
        }
        infos.push(info);
      }
      infos.push({ name: 'completion', summary: 'print a shell completion script', flags: [], positionals: SHELLS });
      context.stdout.write(completionScript(values.shell, infos, flagInfos(GLOBAL_OPTIONS)));
      return 0;
    },
  });
  return command;
}
