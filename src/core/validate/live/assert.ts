/**
 * Chainsaw-style partial matching of a live object against an expected shape, as kyverno-json
 * (the engine chainsaw uses) does it: a mapping checks only the keys it names; a list must have
 * the same length and match element by element; a scalar must be equal; a key written
 * `(expression)` is a JMESPath expression evaluated on the object at that level, and its value
 * is matched against the result. Constructs the health checks do not use (`~` iteration,
 * `->` bindings, expression values) are refused with a clear error rather than guessed at.
 */
import { compile, TreeInterpreter, type JSONValue } from '@jmespath-community/jmespath';

/** A health check that uses something this engine does not evaluate: the check errors. */
export class UnsupportedAssertion extends Error {}

type ExpressionNode = ReturnType<typeof compile>;
const compiled = new Map<string, ExpressionNode>();

/** Compiles (once) a JMESPath expression; a syntax error is an UnsupportedAssertion naming it. */
function expression(text: string, path: string): ExpressionNode {
  let node = compiled.get(text);
  if (!node) {
    try {
      node = compile(text);
    } catch (error) {
      throw new UnsupportedAssertion(`${path}: invalid JMESPath expression (${text}): ${(error as Error).message}`);
    }
    compiled.set(text, node);
  }
  return node;
}

function evaluate(text: string, data: unknown, path: string): unknown {
  const node = expression(text, path);
  try {
    return TreeInterpreter.search(node, (data ?? null) as JSONValue);
  } catch (error) {
    throw new UnsupportedAssertion(`${path}: the expression (${text}) failed: ${(error as Error).message}`);
  }
}

/** Checks every key and expression of `expected` before any object is fetched. */
export function checkAssertionShape(expected: unknown, path = ''): void {
  if (Array.isArray(expected)) {
    expected.forEach((item, index) => checkAssertionShape(item, `${path}[${index}]`));
    return;
  }
  if (expected && typeof expected === 'object') {
    for (const [key, value] of Object.entries(expected)) {
      const where = path ? `${path}.${key}` : key;
      const projected = /^\((.*)\)$/s.exec(key);
      if (projected) expression(projected[1]!, where);
      else if (key.startsWith('~') || key.includes('->')) {
        throw new UnsupportedAssertion(`${where}: iteration (~) and bindings (->) are not supported in health checks here; write the check with a JMESPath key such as (items[?…] | length(@) > \`0\`)`);
      }
      checkAssertionShape(value, where);
    }
    return;
  }
  if (typeof expected === 'string' && /^\(.*\)$/s.test(expected)) {
    throw new UnsupportedAssertion(`${path}: expression values (${expected}) are not supported; put the expression in the key, e.g. (${expected.slice(1, -1)}): true`);
  }
}

/** A short rendering of a value for messages. */
function show(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function scalarEqual(expected: unknown, actual: unknown): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (typeof expected === 'number' && typeof actual === 'number') return expected === actual;
  return expected === actual;
}

/**
 * Every way `actual` differs from `expected` (empty: it matches), as `path: reason` lines in
 * the order the check names them. Throws UnsupportedAssertion for constructs not evaluated here.
 */
export function mismatches(expected: unknown, actual: unknown, path = ''): string[] {
  const here = path || '(root)';
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${here}: expected a list, got ${show(actual)}`];
    if (actual.length !== expected.length) return [`${here}: expected ${expected.length} item(s), got ${actual.length}`];
    return expected.flatMap((item, index) => mismatches(item, actual[index], `${path}[${index}]`));
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return [`${here}: expected an object, got ${show(actual)}`];
    const problems: string[] = [];
    for (const [key, value] of Object.entries(expected as Record<string, unknown>)) {
      const where = path ? `${path}.${key}` : key;
      const projected = /^\((.*)\)$/s.exec(key);
      if (projected) {
        problems.push(...mismatches(value, evaluate(projected[1]!, actual, where), where));
        continue;
      }
      if (key.startsWith('~') || key.includes('->')) checkAssertionShape({ [key]: value }, path);
      problems.push(...mismatches(value, (actual as Record<string, unknown>)[key], where));
    }
    return problems;
  }
  if (typeof expected === 'string' && /^\(.*\)$/s.test(expected)) checkAssertionShape(expected, here);
  return scalarEqual(expected, actual) ? [] : [`${here}: expected ${show(expected)}, got ${show(actual)}`];
}
