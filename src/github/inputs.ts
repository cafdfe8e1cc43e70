/**
 * The one typed reader of action inputs: every action reads its INPUT_* variables through its
 * option table, with the same conversions and messages as the other doors.
 */
import * as core from '@actions/core';
import { readOptions } from '../core/options/values.js';
import { nameAt, type OptionTable, type OptionValues } from '../core/options/spec.js';

export function readActionInputs<T extends OptionTable>(table: T): OptionValues<T> {
  // core.getInput trims; an absent input reads as '' (the table's default then applies).
  return readOptions(table, 'action', (property, spec) => core.getInput(nameAt(property, spec, 'action')));
}
