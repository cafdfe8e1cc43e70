/**
 * Lexing in two levels: the source into text and `{{ action }}` tokens (with `{{-`/`-}}`
 * trimming), then an action body into expression tokens.
 */
import { TemplateError } from './error.js';

export type Token =
  | { kind: 'text'; text: string; line: number }
  | { kind: 'action'; body: string; line: number };

/** Splits the source into text and action bodies, applying trim markers and counting lines. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  let line = 1;
  let trimNextText = false;
  while (position < source.length) {
    const open = source.indexOf('{{', position);
    let text = open < 0 ? source.slice(position) : source.slice(position, open);
    if (trimNextText) text = text.replace(/^\s+/, '');
    trimNextText = false;
    const textLine = line;
    line += countNewlines(source, position, open < 0 ? source.length : open);
    if (open < 0) {
      if (text) tokens.push({ kind: 'text', text, line: textLine });
      break;
    }
    const leftTrim = source.startsWith('{{- ', open) || source.startsWith('{{-\t', open) || source.startsWith('{{-\n', open) || source.startsWith('{{-\r', open);
    if (leftTrim) text = text.replace(/\s+$/, '');
    if (text) tokens.push({ kind: 'text', text, line: textLine });
    const bodyStart = open + (leftTrim ? 3 : 2);
    const close = findActionEnd(source, bodyStart, line);
    let bodyEnd = close;
    const rightTrim = close - 2 >= bodyStart && source[close - 1] === '-' && /\s/.test(source[close - 2] ?? '');
    if (rightTrim) bodyEnd = close - 1;
    tokens.push({ kind: 'action', body: source.slice(bodyStart, bodyEnd), line });
    line += countNewlines(source, open, close + 2);
    position = close + 2;
    trimNextText = rightTrim;
  }
  return tokens;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

/** Index of the `}}` closing an action, skipping quoted strings and comments. */
function findActionEnd(source: string, from: number, line: number): number {
  let i = from;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '"' || ch === '`' || ch === "'") {
      const quote = ch;
      i++;
      while (i < source.length && source[i] !== quote) {
        if (source[i] === '\\' && quote !== '`') i++;
        if (source[i] === '\n' && quote !== '`') throw new TemplateError('unterminated quoted string', line);
        i++;
      }
      if (i >= source.length) throw new TemplateError('unterminated quoted string', line);
      i++;
      continue;
    }
    if (ch === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) throw new TemplateError('unclosed comment', line);
      i = end + 2;
      continue;
    }
    if (ch === '}' && source[i + 1] === '}') return i;
    i++;
  }
  throw new TemplateError('unclosed action', line);
}

export type ExprToken =
  | { kind: 'field'; name: string; joined: boolean }
  | { kind: 'var'; name: string }
  | { kind: 'ident'; name: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'punct'; value: '(' | ')' | '|' | ':=' | '=' | ',' }
  | { kind: 'dot' };

/** Tokens of one action body. */
export function lexExpression(body: string, line: number): ExprToken[] {
  const tokens: ExprToken[] = [];
  let i = 0;
  const fail = (message: string): never => {
    throw new TemplateError(message, line);
  };
  while (i < body.length) {
    const ch = body[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === '|' || ch === ',') {
      tokens.push({ kind: 'punct', value: ch });
      i++;
      continue;
    }
    if (ch === ':' && body[i + 1] === '=') {
      tokens.push({ kind: 'punct', value: ':=' });
      i += 2;
      continue;
    }
    if (ch === '=') {
      tokens.push({ kind: 'punct', value: '=' });
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      while (j < body.length && body[j] !== '"') j += body[j] === '\\' ? 2 : 1;
      if (j >= body.length) fail('unterminated quoted string');
      tokens.push({ kind: 'string', value: unquoteGoString(body.slice(i, j + 1), line) });
      i = j + 1;
      continue;
    }
    if (ch === '`') {
      const j = body.indexOf('`', i + 1);
      if (j < 0) fail('unterminated raw quoted string');
      tokens.push({ kind: 'string', value: body.slice(i + 1, j) });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      const match = /^'(\\.|[^'\\])'/.exec(body.slice(i));
      if (!match) fail('malformed character constant');
      const inner = unquoteGoString(`"${match![1]}"`, line);
      tokens.push({ kind: 'number', value: inner.codePointAt(0)! });
      i += match![0].length;
      continue;
    }
    if (ch === '.' && /[A-Za-z_]/.test(body[i + 1] ?? '')) {
      const match = /^\.[A-Za-z_][A-Za-z0-9_]*/.exec(body.slice(i))!;
      // A field right after an operand (no space) continues its chain: `$x.a`, `(pipe).a`, `.a.b`.
      tokens.push({ kind: 'field', name: match[0].slice(1), joined: i > 0 && !/\s/.test(body[i - 1]!) && body[i - 1] !== '(' && body[i - 1] !== '|' });
      i += match[0].length;
      continue;
    }
    if (ch === '.' && !/[0-9]/.test(body[i + 1] ?? '')) {
      tokens.push({ kind: 'dot' });
      i++;
      continue;
    }
    if (ch === '$') {
      const match = /^\$[A-Za-z0-9_]*/.exec(body.slice(i))!;
      tokens.push({ kind: 'var', name: match[0] });
      i += match[0].length;
      continue;
    }
    const number = /^[+-]?(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(\d[\d_]*)?\.?\d[\d_]*([eE][+-]?\d+)?)/.exec(body.slice(i));
    if (number && (/[0-9]/.test(ch) || ((ch === '-' || ch === '+' || ch === '.') && /[0-9.]/.test(body[i + 1] ?? '')))) {
      const text = number[0].replaceAll('_', '');
      const value = /^[+-]?0[oO]/.test(text) ? parseInt(text.replace(/0[oO]/, ''), 8) * (text.startsWith('-') ? -1 : 1)
        : /^[+-]?0[bB]/.test(text) ? parseInt(text.replace(/0[bB]/, ''), 2) * (text.startsWith('-') ? -1 : 1)
          : Number(text);
      if (!Number.isFinite(value)) fail(`bad number syntax: ${number[0]}`);
      tokens.push({ kind: 'number', value });
      i += number[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(body.slice(i));
    if (ident) {
      tokens.push({ kind: 'ident', name: ident[0] });
      i += ident[0].length;
      continue;
    }
    fail(`unexpected "${ch}" in command`);
  }
  return tokens;
}

function unquoteGoString(quoted: string, line: number): string {
  try {
    // Go escapes are a superset of JSON's except \a \v \x.. and octal; map the common ones.
    const json = quoted
      .replace(/\\a/g, '\\u0007')
      .replace(/\\v/g, '\\u000b')
      .replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')
      .replace(/\\'/g, "'");
    return JSON.parse(json) as string;
  } catch {
    throw new TemplateError(`malformed string literal ${quoted}`, line);
  }
}
