import fc from 'fast-check';

/** A JSON value as JSON.parse returns it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Edits of a JSON document, as data (fast-check prints and shrinks them). Nodes are numbered in
 * pre-order, root 0; a node number is taken modulo the document's node count.
 */
export type JsonEdit =
  | { readonly kind: 'set'; readonly node: number; readonly value: Json }
  | { readonly kind: 'scale'; readonly node: number; readonly factor: number }
  | { readonly kind: 'delete'; readonly node: number }
  | { readonly kind: 'addKey'; readonly node: number; readonly key: string; readonly value: Json };

/** Values a careless validator trusts, and keys that reach prototypes when an object is merged. */
const HOSTILE_VALUES: readonly Json[] = [0, -1, 1, 0.5, 1e300, -1e300, 1e-300, 2 ** 31, 2 ** 32, 2 ** 53, 1e9, '', 'x', '__proto__', 'NaN', null, true, false, [], {}, [1e9], { kind: 'x' }];
const HOSTILE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'kind', 'name', 'schemaVersion', 'toString'];

const node = fc.nat({ max: 10_000 });
const value: fc.Arbitrary<Json> = fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>);

/** Any edit: hostile values, deletions, hostile keys, numbers scaled by zero, negatives or huge factors. */
export const hostileEditArb: fc.Arbitrary<JsonEdit> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), node, value }),
  fc.record({ kind: fc.constant('scale' as const), node, factor: fc.constantFrom(0, -1, 0.5, 2, 1000, 1e6, 1e300, 1e-300) }),
  fc.record({ kind: fc.constant('delete' as const), node }),
  fc.record({ kind: fc.constant('addKey' as const), node, key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 })), value }),
);

/** Mild edits that often leave a workspace valid: numbers scaled by 0.5–2. */
export const mildEditArb: fc.Arbitrary<JsonEdit> = fc.record({ kind: fc.constant('scale' as const), node, factor: fc.double({ min: 0.5, max: 2, noNaN: true }) });

interface Slot {
  readonly parent: Json[] | { [key: string]: Json } | undefined;
  readonly key: string | number;
  readonly value: Json;
}

/** Every node in pre-order with its parent and key (the root has none). */
function slots(root: Json): Slot[] {
  const out: Slot[] = [{ parent: undefined, key: '', value: root }];
  for (let i = 0; i < out.length; i++) {
    const v = (out[i] as Slot).value;
    const children: Slot[] = Array.isArray(v) ? v.map((c, k) => ({ parent: v, key: k, value: c })) : v !== null && typeof v === 'object' ? Object.keys(v).map((k) => ({ parent: v, key: k, value: v[k] as Json })) : [];
    out.splice(i + 1, 0, ...children);
  }
  return out;
}

/** Sets an own property, even '__proto__' (plain assignment would change the prototype instead). */
function setOwn(target: Json[] | { [key: string]: Json }, key: string | number, v: Json): void {
  Object.defineProperty(target, key, { value: v, enumerable: true, writable: true, configurable: true });
}

/** Applies edits in turn to a deep copy of `doc`; returns the new document. */
export function applyJsonEdits(doc: Json, edits: readonly JsonEdit[]): Json {
  let root = structuredClone(doc);
  for (const e of edits) {
    const all = slots(root);
    const s = all[e.node % all.length] as Slot;
    const replace = (v: Json) => {
      if (s.parent === undefined) root = v;
      else setOwn(s.parent, s.key, v);
    };
    if (e.kind === 'set') replace(structuredClone(e.value));
    else if (e.kind === 'scale') {
      // Integers stay integers (counts, sizes, seeds), so a scaled count is still a count.
      if (typeof s.value === 'number') replace(Number.isInteger(s.value) ? Math.round(s.value * e.factor) : s.value * e.factor);
    } else if (e.kind === 'delete') {
      if (Array.isArray(s.parent) && typeof s.key === 'number') s.parent.splice(s.key, 1);
      else if (s.parent) delete (s.parent as { [key: string]: Json })[s.key];
    } else if (s.value !== null && typeof s.value === 'object' && !Array.isArray(s.value)) setOwn(s.value, e.key, structuredClone(e.value));
  }
  return root;
}
