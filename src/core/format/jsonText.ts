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

/** JSON.parse of a user's JSON text, after one leading byte-order mark; throws what JSON.parse throws. */
export function parseJsonText(text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown): unknown {
  return JSON.parse(withoutBom(text), reviver);
}
