/**
 * JSON text a user gives (a workspace or model file, metadata in a NIR file). Windows editors
 * (Notepad until 2019, PowerShell's Out-File, Visual Studio) start UTF-8 files with a byte-order
 * mark, U+FEFF once decoded; JSON (RFC 8259 §8.1) lets a reader ignore it, and JSON.parse refuses
 * it. So every JSON text from a user is parsed here, with one leading BOM removed.
 */

const BOM = '\ufeff';

/** The text without one leading byte-order mark (a second one is content, and stays). */
export function withoutBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(BOM.length) : text;
}

/**
 * Keys that reach an object's prototype when code later copies or merges the value (`__proto__`),
 * or that shadow what every object has. JSON.parse makes them own properties, but zod drops a
 * `__proto__` key in silence: files and links refuse them instead, naming the key.
 */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

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

/**
 * The first key of PROTOTYPE_KEYS anywhere in a parsed JSON value, with its JSON path. The walk
 * is iterative: JSON.parse reads 200,000 levels of nesting, and a recursive walk (JSON.parse's
 * own reviver is one) overflows the stack on them.
 */
export function findPrototypeKey(root: unknown): { readonly key: string; readonly path: string } | undefined {
  if (typeof root !== 'object' || root === null) return undefined;
  const stack: Visit[] = [{ node: root, parent: undefined, key: '' }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const entries: [string | number, unknown][] = Array.isArray(visit.node) ? visit.node.map((v: unknown, i) => [i, v]) : Object.entries(visit.node);
    for (const [key, v] of entries) {
      if (typeof key === 'string' && PROTOTYPE_KEYS.has(key)) return { key, path: pathOf(visit, key) };
      if (typeof v === 'object' && v !== null) stack.push({ node: v, parent: visit, key });
    }
  }
  return undefined;
}

/**
 * JSON.parse of a user's JSON text, after one leading byte-order mark; throws what JSON.parse
 * throws, or, with `refuseKey`, the error it makes for the first key of PROTOTYPE_KEYS (and its
 * JSON path) found afterwards.
 */
export function parseJsonText(text: string, refuseKey?: (key: string, path: string) => Error): unknown {
  const value: unknown = JSON.parse(withoutBom(text));
  const found = refuseKey ? findPrototypeKey(value) : undefined;
  if (refuseKey && found) throw refuseKey(found.key, found.path);
  return value;
}
