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

/**
 * JSON.parse of a user's JSON text, after one leading byte-order mark; throws what JSON.parse
 * throws, or, with `refuseKey`, the error it makes for the first key of PROTOTYPE_KEYS met.
 */
export function parseJsonText(text: string, refuseKey?: (key: string) => Error): unknown {
  const reviver = refuseKey
    ? (key: string, value: unknown): unknown => {
        if (PROTOTYPE_KEYS.has(key)) throw refuseKey(key);
        return value;
      }
    : undefined;
  return JSON.parse(withoutBom(text), reviver);
}
