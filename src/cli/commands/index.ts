/** The command table: modules load only when their command runs (keeps start-up small). */
import type { CommandEntry } from '../context.js';

const STAGE_COMMANDS: Record<string, CommandEntry> = {
  snapshot: { summary: 'measure a GPU node (OS, systemd, GPU, Kubernetes, topology) into a Snapshot; drift against a baseline', load: async () => (await import('./snapshot.js')).command },
  diff: { summary: 'compare two snapshots (drift), two recipes or two bundle folders (a change plan); --fail-on-drift exits 11', load: async () => (await import('./diff.js')).command },
  recipe: { summary: 'resolve a recipe from criteria, a criteria file or a snapshot', load: async () => (await import('./recipe.js')).command },
  query: { summary: 'print one value of a hydrated recipe (dot-path selector)', load: async () => (await import('./query.js')).command },
  validate: { summary: 'check a recipe\'s constraints against a snapshot and its deployment against the cluster (exit 10 when one fails); CTRF, JUnit, Code Quality reports', load: async () => (await import('./validate.js')).command },
  bundle: { summary: 'generate a deployment bundle (helm, argocd, argocdhelm, flux, helmfile) from a recipe', load: async () => (await import('./bundle.js')).command },
  verify: { summary: 'check a bundle against its checksums.txt (exit 12 on findings)', load: async () => (await import('./verify.js')).command },
  convert: { summary: 'rewrite a document or a whole --data catalog to the current apiVersions (upstream AICR v1); --dry-run prints a diff', load: async () => (await import('./convert.js')).command },
  mirror: { summary: 'list the container images and Helm charts of a recipe or bundle for air-gapped mirroring (yaml, json, plain, Hauler, Zarf)', load: async () => (await import('./mirror.js')).command },
};

/** Commands under a command, picked by the word after it (`aicr recipe list`). */
export const SUBCOMMANDS: Record<string, Record<string, CommandEntry>> = {
  recipe: {
    list: { summary: 'list the catalog\'s overlays with their criteria, leaf or not, source and the health of each leaf', load: async () => (await import('./recipe-list.js')).command },
  },
};

export const COMMANDS: Record<string, CommandEntry> = {
  ...STAGE_COMMANDS,
  completion: { summary: 'print a shell completion script (bash, zsh or fish) for the commands above', load: async () => (await import('./completion.js')).completionCommand(STAGE_COMMANDS, SUBCOMMANDS) },
};
