/** The command table: modules load only when their command runs (keeps start-up small). */
import type { Command } from '../context.js';

export interface CommandEntry {
  summary: string;
  load: () => Promise<Command>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  recipe: { summary: 'resolve a recipe from criteria, a criteria file or a snapshot', load: async () => (await import('./recipe.js')).command },
  query: { summary: 'print one value of a hydrated recipe (dot-path selector)', load: async () => (await import('./query.js')).command },
};
