import { LinkError } from '../errors.ts';
import { findPrototypeKey } from '../format/jsonText.ts';

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
  const found = findPrototypeKey(value);
  if (found) throw new LinkError('json', `the key '${found.key}' at ${found.path} is not allowed in a link`);
  return withoutNegativeZero(value);
}

/**
 * The value with every -0 made 0, in place. A damaged or hand-made link may say `-0` where a
 * workspace means 0 (a refractory period, a noise level); kept, it would not survive the next
 * save or link, which write it as 0, so the workspace would change under the user. Iterative,
 * like findPrototypeKey: a header may nest deeper than the stack.
 */
function withoutNegativeZero(root: unknown): unknown {
  if (Object.is(root, -0)) return 0;
  const stack: object[] = typeof root === 'object' && root !== null ? [root] : [];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const v = record[key];
      if (Object.is(v, -0)) record[key] = 0;
      else if (typeof v === 'object' && v !== null) stack.push(v);
    }
  }
  return root;
}
