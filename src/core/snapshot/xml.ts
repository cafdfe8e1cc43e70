/**
 * A small, strict XML reader for tool output such as `nvidia-smi -q -x`: elements, attributes,
 * text, CDATA, comments and the five predefined entities plus character references.
 *
 * Our own rather than a dependency because the input is simple and hostile input must stay
 * harmless: the DOCTYPE is skipped without reading its internal subset, custom entities are
 * never defined or expanded (no "billion laughs", no external fetches), and input size and
 * nesting depth are bounded.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /**
   * Character data directly inside this element, as written (not trimmed); runs of pure
   * whitespace between markup (indentation) are dropped.
   */
  text: string;
}

export interface XmlLimits {
  /** Largest accepted input in characters (default 16 MiB). */
  maxLength?: number;
  /** Deepest accepted element nesting (default 64). */
  maxDepth?: number;
}

export class XmlSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(`${message} (line ${line})`);
    this.name = 'XmlSyntaxError';
  }
}

function isNameStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code === 0x3a || code >= 0xc0;
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x2e || code === 0xb7;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Parses a whole document and returns its root element. Throws XmlSyntaxError on bad input. */
export function parseXml(text: string, limits: XmlLimits = {}): XmlElement {
  const maxLength = limits.maxLength ?? 16 * 1024 * 1024;
  const maxDepth = limits.maxDepth ?? 64;
  if (text.length > maxLength) throw new XmlSyntaxError(`document too large (${text.length} characters, limit ${maxLength})`, 1);
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;

  const lineAt = (at: number): number => {
    let line = 1;
    for (let i = 0; i < at && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    return line;
  };
  const fail = (message: string, at = pos): never => {
    throw new XmlSyntaxError(message, lineAt(at));
  };
  const expect = (token: string, what: string): void => {
    const end = text.indexOf(token, pos);
    if (end < 0) fail(`unterminated ${what}`);
    pos = end + token.length;
  };
  const readName = (): string => {
    const start = pos;
    if (!isNameStart(text.charCodeAt(pos))) fail(`expected a name, found ${JSON.stringify(text[pos] ?? 'end of input')}`);
    pos++;
    while (pos < text.length && isNameChar(text.charCodeAt(pos))) pos++;
    return text.slice(start, pos);
  };
  const skipSpace = (): void => {
    while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
  };
  const decode = (raw: string, at: number): string => {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;&\s]{0,32});/g, (whole, entity: string) => {
      if (entity.startsWith('#x') || entity.startsWith('#X')) return codePoint(parseInt(entity.slice(2), 16), whole, at);
      if (entity.startsWith('#')) return codePoint(parseInt(entity.slice(1), 10), whole, at);
      const value = PREDEFINED[entity];
      if (value === undefined) fail(`unknown entity ${whole} (custom entities are not supported)`, at);
      return value!;
    });
  };
  const codePoint = (value: number, whole: string, at: number): string => {
    if (!Number.isInteger(value) || value <= 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) fail(`invalid character reference ${whole}`, at);
    return String.fromCodePoint(value);
  };
  const isBlank = (from: number, to: number): boolean => {
    for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
    return true;
  };
  const appendText = (value: string): void => {
    const current = stack[stack.length - 1];
    if (current) current.text += value;
    else if (value.trim() !== '') fail('text outside the root element');
  };

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) {
      appendText(decode(text.slice(pos), pos));
      break;
    }
    if (lt > pos && !isBlank(pos, lt)) appendText(decode(text.slice(pos, lt), pos));
    pos = lt;
    const next = text.charCodeAt(pos + 1);
    if (next !== 0x2f /* / */ && next !== 0x3f /* ? */ && next !== 0x21 /* ! */) {
      openTag();
    } else if (text.startsWith('<?', pos)) {
      expect('?>', 'processing instruction');
    } else if (text.startsWith('<!--', pos)) {
      expect('-->', 'comment');
    } else if (text.startsWith('<![CDATA[', pos)) {
      const start = pos + 9;
      expect(']]>', 'CDATA section');
      if (stack.length === 0) fail('CDATA outside the root element', start);
      appendText(text.slice(start, pos - 3));
    } else if (text.startsWith('<!DOCTYPE', pos)) {
      if (root || stack.length) fail('DOCTYPE after the root element');
      skipDoctype();
    } else if (text.startsWith('</', pos)) {
      const at = pos;
      pos += 2;
      const name = readName();
      skipSpace();
      if (text[pos] !== '>') fail(`malformed closing tag </${name}`);
      pos++;
      const open = stack.pop();
      if (!open) fail(`closing tag </${name}> without an opening tag`, at);
      if (open!.name !== name) fail(`closing tag </${name}> does not match <${open!.name}>`, at);
    } else {
      fail(`unexpected markup ${JSON.stringify(text.slice(pos, pos + 10))}`);
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1]!.name}> is never closed`, text.length);
  if (!root) fail('no root element', 0);
  return root!;

  function openTag(): void {
    const at = pos;
    pos++;
    const element: XmlElement = { name: readName(), attributes: {}, children: [], text: '' };
    for (;;) {
      const before = pos;
      skipSpace();
      if (pos >= text.length) fail(`<${element.name}> is cut off by the end of the input`, at);
      if (text.startsWith('/>', pos) || text[pos] === '>') break;
      if (pos === before) fail(`expected whitespace before an attribute in <${element.name}>`);
      const attribute = readName();
      skipSpace();
      if (text[pos] !== '=') fail(`attribute ${attribute} of <${element.name}> has no value`);
      pos++;
      skipSpace();
      const quote = text[pos];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attribute} of <${element.name}> is not quoted`);
      const end = text.indexOf(quote!, pos + 1);
      if (end < 0) fail(`unterminated value of attribute ${attribute}`);
      const raw = text.slice(pos + 1, end);
      if (raw.includes('<')) fail(`"<" in the value of attribute ${attribute}`);
      if (Object.prototype.hasOwnProperty.call(element.attributes, attribute)) fail(`duplicate attribute ${attribute} in <${element.name}>`);
      element.attributes[attribute] = decode(raw, pos);
      pos = end + 1;
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) fail(`second root element <${element.name}>`, at);
    else root = element;
    if (text.startsWith('/>', pos)) {
      pos += 2;
    } else {
      pos++;
      if (stack.length >= maxDepth) fail(`elements nested deeper than ${maxDepth} levels`, at);
      stack.push(element);
    }
  }

  function skipDoctype(): void {
    // Skip `<!DOCTYPE name SYSTEM "uri" [ internal subset ]>` without interpreting any of it.
    let depth = 0;
    let quote: string | undefined;
    for (pos += 9; pos < text.length; pos++) {
      const ch = text[pos]!;
      if (quote) {
        if (ch === quote) quote = undefined;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '[') depth++;
      else if (ch === ']') depth--;
      else if (ch === '>' && depth <= 0) {
        pos++;
        return;
      }
    }
    fail('unterminated DOCTYPE');
  }
}

/** The first child element called `name`. */
export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

/** Every child element called `name`, in document order. */
export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The element at a slash-separated path of child names (`mig_mode/current_mig`). */
function elementAt(element: XmlElement, path: string): XmlElement | undefined {
  let node: XmlElement | undefined = element;
  for (const part of path.split('/')) {
    node = node && childElement(node, part);
    if (!node) return undefined;
  }
  return node;
}

/** Trimmed text of the element at `path`; undefined when the element is absent. */
export function textAt(element: XmlElement, path: string): string | undefined {
  return elementAt(element, path)?.text.trim();
}
