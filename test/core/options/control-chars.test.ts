// Control characters in any option's value are input errors naming the option, for every type.
import { describe, expect, it } from 'vitest';
import { exitCodeFor, formatError } from '../../../src/core/errors.js';
import { readOption } from '../../../src/core/options/values.js';
import type { OptionSpec } from '../../../src/core/options/spec.js';

const specs: Record<string, OptionSpec> = {
  string: { type: 'string', description: 'x' },
  enum: { type: 'enum', choices: ['a', 'b'], description: 'x' },
  int: { type: 'int', description: 'x' },
  list: { type: 'list', separator: 'line', description: 'x' },
  map: { type: 'map', description: 'x' },
};

describe('control characters in option values', () => {
  it.each([
    ['string', 'eks\u001b[31m', 'U+001B'],
    ['string', 'a\u0000b', 'U+0000'],
    ['string', 'a\u007fb', 'U+007F'],
    ['string', 'a\u0085b', 'U+0085'],
    ['string', 'one\ntwo', 'U+000A'],
    ['string', 'a\tb', 'U+0009'],
    ['enum', 'a\u0007', 'U+0007'],
    ['int', '1\u0000', 'U+0000'],
    ['list', 'gpu-operator:a=1\ngpu-operator:b=x\ty', 'U+0009'],
    ['list', 'gpu-operator:a=1\u001b', 'U+001B'],
    ['map', 'k=v\u0001', 'U+0001'],
  ])('%s value %j is refused naming the option', (type, text, code) => {
    let error: unknown;
    try {
      readOption('some-option', specs[type]!, text);
    } catch (caught) {
      error = caught;
    }
    expect(formatError(error)).toContain(`--some-option: holds the control character ${code}`);
    expect(exitCodeFor(error)).toBe(2);
  });

  it('keeps line breaks between list items and blanks around values', () => {
    expect(readOption('set', specs.list!, 'a:b=1\r\nc:d=2\n')).toEqual(['a:b=1', 'c:d=2']);
    expect(readOption('service', specs.string!, '  eks\n')).toBe('  eks\n');
    expect(readOption('map', specs.map!, 'a=1,b=2')).toEqual({ a: '1', b: '2' });
  });
});
