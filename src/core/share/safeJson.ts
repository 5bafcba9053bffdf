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
  return value;
}
