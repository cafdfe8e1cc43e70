// AICRConfig documents go through the apiVersion gate every document goes through: older values
// read with the common notice (file, line, value, replacement), unknown or absent ones refused.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAicrConfig } from '../../../src/core/config/aicr-config.js';
import { exitCodeFor, formatError } from '../../../src/core/errors.js';
import { silentLogger, type AnnotationProperties, type Logger } from '../../../src/core/logger.js';
import { tempDir } from '../../helpers/catalog.js';
import { rejection } from '../../helpers/errors.js';

function configFile(text: string): string {
  const path = join(tempDir(), 'aicr-config.yaml');
  writeFileSync(path, text);
  return path;
}

function recording(): { logger: Logger; notices: Array<{ message: string; properties?: AnnotationProperties }> } {
  const notices: Array<{ message: string; properties?: AnnotationProperties }> = [];
  return { logger: { ...silentLogger, notice: (message, properties) => notices.push({ message, ...(properties ? { properties } : {}) }) }, notices };
}

describe('AICRConfig apiVersions', () => {
  it.each([
    ['aicr.nvidia.com/v1alpha1'],
    ['aicr.run/v1alpha2'],
  ])('reads %s with a notice on its line naming the replacement', async (value) => {
    const path = configFile(`kind: AICRConfig\napiVersion: ${value}\nspec: {}\n`);
    const { logger, notices } = recording();
    const config = await loadAicrConfig(path, {}, logger);
    expect(config.apiVersionNotice).toEqual({ kind: 'AICRConfig', file: path, line: 2, value, replacement: 'aicr.run/v1beta1' });
    expect(notices).toEqual([{
      message: `AICRConfig apiVersion "${value}" is an older one, read as "aicr.run/v1beta1"; upstream AICR v1 reads only "aicr.run/v1beta1": update the file with "aicr convert"`,
      properties: { title: 'older apiVersion', file: path, startLine: 2 },
    }]);
  });

  it('reads the current value without a notice', async () => {
    const { logger, notices } = recording();
    const config = await loadAicrConfig(configFile('kind: AICRConfig\napiVersion: aicr.run/v1beta1\nspec: {}\n'), {}, logger);
    expect(config.apiVersionNotice).toBeUndefined();
    expect(notices).toEqual([]);
  });

  it.each([
    ['kind: AICRConfig\nspec: {}\n', 'has no apiVersion; expected "aicr.run/v1beta1"'],
    ['kind: AICRConfig\napiVersion: aicr.run/v1alpha1\nspec: {}\n', 'has apiVersion "aicr.run/v1alpha1", which this aicr does not read'],
    ['kind: AICRConfig\napiVersion: 7\nspec: {}\n', 'the apiVersion of the AICRConfig document must be text'],
  ])('refuses %j as an input error (exit 2)', async (text, message) => {
    const path = configFile(text);
    const error = await rejection(loadAicrConfig(path));
    expect(exitCodeFor(error)).toBe(2);
    expect(formatError(error)).toContain(message);
    expect(formatError(error)).toContain(path);
  });
});
