import { describe, expect, it } from 'vitest';
import { formatGoFloat, formatGoNumber } from '../../../src/core/bundle/template/format.js';
import { Template } from '../../../src/core/bundle/template/index.js';

const render = (source: string, data: unknown = {}) => Template.parse(source).execute(data);

describe("Go's %v for float64 (strconv 'g', shortest)", () => {
  // Expected strings are what Go's fmt.Sprint prints for the same float64.
  it.each<[number, string]>([
    [1234567.5, '1.2345675e+06'],
    [1e6, '1e+06'],
    [123456, '123456'],
    [999999, '999999'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [100, '100'],
    [1.5, '1.5'],
    [-2.5e-7, '-2.5e-07'],
    [1e20, '1e+20'],
    [1e21, '1e+21'],
    [123456789, '1.23456789e+08'],
    [0.1 + 0.2, '0.30000000000000004'],
    [0, '0'],
    [-0, '-0'],
    [-1.5, '-1.5'],
    [0.000123, '0.000123'],
    [123456.7, '123456.7'],
    [1e100, '1e+100'],
    [5e-324, '5e-324'],
    [Number.MAX_VALUE, '1.7976931348623157e+308'],
    [NaN, 'NaN'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
  ])('%s → %s', (value, expected) => {
    expect(formatGoFloat(value)).toBe(expected);
  });

  it.each<[number, string]>([
    [1000000, '1000000'],
    [123456789, '123456789'],
    [-42, '-42'],
    [2 ** 53, '9007199254740992'],
    [1e20, '1e+20'],
    [1234567.5, '1.2345675e+06'],
  ])('formatGoNumber keeps ints in plain digits, floats as Go: %s → %s', (value, expected) => {
    expect(formatGoNumber(value)).toBe(expected);
  });

  const data = { big: 1234567.5, small: 0.00001, sum: 0.1 + 0.2, int: 1000000, huge: 1e21, neg: -2.5e-7, nan: NaN, inf: -Infinity, list: [1.5, 1234567.5], map: { f: 0.00001 } };

  it.each([
    ['{{ .big }} {{ .small }} {{ .sum }} {{ .int }}', '1.2345675e+06 1e-05 0.30000000000000004 1000000'],
    ['{{ .huge }} {{ .neg }} {{ .nan }} {{ .inf }}', '1e+21 -2.5e-07 NaN -Inf'],
    ['{{ print .big " " .int }}', '1.2345675e+06 1000000'],
    ['{{ println .big .small }}', '1.2345675e+06 1e-05\n'],
    ['{{ printf "%v|%s|%g" .big .small .sum }}', '1.2345675e+06|1e-05|0.30000000000000004'],
    ['{{ printf "%g" 1e6 }}', '1e+06'],
    ['{{ printf "%d" .big }}', '%!d(float64=1.2345675e+06)'],
    ['{{ toString .big }} {{ .big | toString }}', '1.2345675e+06 1.2345675e+06'],
    ['{{ toString .list }} {{ toString .map }}', '[1.5 1.2345675e+06] map[f:1e-05]'],
    ['{{ .big | indent 2 }}', '  1.2345675e+06'],
    ['{{ eq (toString .small) "1e-05" }}', 'true'],
  ])('%s', (source, expected) => {
    expect(render(source, data)).toBe(expected);
  });

  it('names integral values past 64 bits float64, as Go could only hold them so', () => {
    expect(() => render('{{ .huge.x }}', data)).toThrow("can't evaluate field x in type float64");
    expect(() => render('{{ .int.x }}', data)).toThrow("can't evaluate field x in type int");
  });
});
