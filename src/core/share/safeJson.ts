import { LinkError } from '../errors.ts';
import { PROTOTYPE_KEYS } from '../format/jsonText.ts';

/** A container met on the walk, with how it was reached (the path is only built for an error). */
interface Visit {
  readonly node: object;
  readonly parent: Visit | undefined;
  readonly key: string | number;
}

function pathOf(visit: Visit | undefined, key: string): string {
  const parts: (string | number)[] = [key];
  for (let v = visit; v?.parent !== undefined; v = v.parent) parts.unshift(v.key);
  return parts.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** Refuses the first forbidden key anywhere in a parsed JSON value, naming its path. */
function checkKeys(root: unknown): void {
  if (typeof root !== 'object' || root === null) return;
  // Iterative walk: a deeply nested hostile document must not overflow the call stack.
  const stack: Visit[] = [{ node: root, parent: undefined, key: '' }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const entries: [string | number, unknown][] = Array.isArray(visit.node) ? visit.node.map((v: unknown, i) => [i, v]) : Object.entries(visit.node);
    for (const [key, v] of entries) {
      if (typeof key === 'string' && PROTOTYPE_KEYS.has(key)) throw new LinkError('json', `the key '${key}' at ${pathOf(visit, key)} is not allowed in a link`);
      if (typeof v === 'object' && v !== null) stack.push({ node: v, parent: visit, key });
    }
  }
}

/**
 * Decodes strict UTF-8 and parses JSON, refusing (LinkError 'json') invalid text and
 * prototype-reaching keys. The result is still unknown: the caller validates it.
 */
export function parseLinkJson(bytes: Uint8Array): unknown {
  let text: string;
  let value: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LinkError('json', 'the header is not valid UTF-8 text');
  }
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new LinkError('json', `the header is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  checkKeys(value);
  return value;
}
