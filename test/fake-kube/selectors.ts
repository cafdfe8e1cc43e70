/**
 * Label and field selectors as the API server parses them (`a=b,c!=d,e in (x,y),!f`), so
 * that list and watch calls of the fake filter exactly like a real cluster.
 */

export type Requirement =
  | { key: string; op: 'eq' | 'neq'; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'notexists' };

export class SelectorError extends Error {}

/** Splits at commas that are not inside parentheses. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else current += char;
  }
  terms.push(current);
  return terms.map((t) => t.trim()).filter((t) => t !== '');
}

export function parseLabelSelector(text: string): Requirement[] {
  const requirements: Requirement[] = [];
  for (const term of splitTerms(text)) {
    let match = /^([^\s=!(),]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
    if (match) {
      const values = match[3]!.split(',').map((v) => v.trim()).filter((v) => v !== '');
      requirements.push({ key: match[1]!, op: match[2] as 'in' | 'notin', values });
      continue;
    }
    match = /^([^\s=!(),]+)\s*(==|=|!=)\s*([^\s=!(),]*)$/.exec(term);
    if (match) {
      requirements.push({ key: match[1]!, op: match[2] === '!=' ? 'neq' : 'eq', value: match[3]! });
      continue;
    }
    match = /^(!?)([^\s=!(),]+)$/.exec(term);
    if (match) {
      requirements.push({ key: match[2]!, op: match[1] ? 'notexists' : 'exists' });
      continue;
    }
    throw new SelectorError(`unable to parse requirement: "${term}"`);
  }
  return requirements;
}

export function matchesLabels(requirements: Requirement[], labels: Record<string, string> | undefined): boolean {
  const map = labels ?? {};
  return requirements.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(map, r.key);
    const value = map[r.key];
    switch (r.op) {
      case 'eq':
        return has && value === r.value;
      case 'neq':
        return !has || value !== r.value;
      case 'in':
        return has && r.values.includes(value!);
      case 'notin':
        return !has || !r.values.includes(value!);
      case 'exists':
        return has;
      case 'notexists':
        return !has;
    }
  });
}

export interface FieldRequirement {
  field: string;
  op: 'eq' | 'neq';
  value: string;
}

/** Fields each kind supports in field selectors (a subset of the real server's table). */
const FIELD_PATHS: Record<string, string[]> = {
  '*': ['metadata.name', 'metadata.namespace'],
  Pod: ['spec.nodeName', 'status.phase', 'spec.serviceAccountName', 'spec.restartPolicy'],
  Node: ['spec.unschedulable'],
  Namespace: ['status.phase'],
  Job: ['status.successful'],
};

export function parseFieldSelector(text: string, kind: string): FieldRequirement[] {
  const allowed = [...FIELD_PATHS['*']!, ...(FIELD_PATHS[kind] ?? [])];
  return splitTerms(text).map((term) => {
    const match = /^([^=!]+)(==|=|!=)(.*)$/.exec(term);
    if (!match) throw new SelectorError(`invalid selector: '${text}'; can't understand '${term}'`);
    const field = match[1]!.trim();
    if (!allowed.includes(field)) throw new SelectorError(`field label not supported: ${field}`);
    return { field, op: match[2] === '!=' ? 'neq' : 'eq', value: match[3]!.trim() };
  });
}

function fieldValue(object: Record<string, unknown>, path: string): string {
  let node: unknown = object;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (node === undefined || node === null) return '';
  return String(node);
}

export function matchesFields(requirements: FieldRequirement[], object: Record<string, unknown>): boolean {
  return requirements.every((r) => {
    const value = fieldValue(object, r.field);
    return r.op === 'eq' ? value === r.value : value !== r.value;
  });
}
