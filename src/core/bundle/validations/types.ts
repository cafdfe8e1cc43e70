/** What a registry validation function sees and returns. */
import type { ComponentConfig, ComponentRef, Criteria } from '../../documents/types.js';
import type { Scheduling } from '../scheduling.js';
import type { SetOverride } from '../set.js';

/** A component that made it into the bundle, with the values the deployers render. */
export interface ResolvedComponent {
  ref: ComponentRef;
  config: ComponentConfig | undefined;
  values: Record<string, unknown>;
}

export interface ValidationContext {
  /** The component whose registry entry declares the validation. */
  component: string;
  criteria: Partial<Criteria> | undefined;
  /** The recipe's metadata (snapshot evidence such as gpuDriverState lives here). */
  metadata: Record<string, unknown>;
  /** The recipe's `configuration` (upstream's slurm accounting mode lives here). */
  configuration: unknown;
  /** Components in the bundle, by name, with their final values. */
  included: ReadonlyMap<string, ResolvedComponent>;
  /** Every component the recipe declares, disabled ones included. */
  declared: readonly ComponentRef[];
  /** Every `--set` as given. */
  overrides: readonly SetOverride[];
  scheduling: Scheduling;
  /** The keys `--set` reaches a component by: its name, then its registry aliases. */
  keysOf(component: string): string[];
}

/**
 * A check's findings. `findings` follow the registry's severity (error blocks, warning is
 * printed, info is dropped); `blocking` always blocks, whatever the severity.
 */
export interface CheckResult {
  findings?: string[];
  blocking?: string[];
}

export type ValidationFunction = (context: ValidationContext) => CheckResult;
