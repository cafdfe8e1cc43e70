import { expect } from 'vitest';
import { AicrError } from '../../src/core/errors.js';

/** The AicrError a promise rejects with; fails the test when it resolves or rejects otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<AicrError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AicrError);
    return error as AicrError;
  }
  throw new Error('expected a rejection');
}

/** The AicrError `fn` throws; fails the test when it returns or throws anything else. */
export function thrown(fn: () => unknown): AicrError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AicrError);
    return error as AicrError;
  }
  throw new Error('expected a failure');
}
