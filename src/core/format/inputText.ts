/**
 * Text that came from the user's input (a file, a link, a name, a key) made safe to put in a
 * message. Two dangers: control characters act on a terminal (ESC [2J clears it, a C1 CSI does
 * the same on some terminals) and bidi controls (U+202E) make a message read differently from
 * what it holds; and an error that quotes its input whole can be megabytes long. Every message
 * that quotes input goes through `quoteInput`; whole messages that reach a terminal or the page
 * go through `safeMessage` as a last guard.
 */

/** Most characters of one input value a message quotes; the rest is counted, not shown. */
export const INPUT_QUOTE_CHARS = 80;

/** Most characters of a workspace name (its schema's limit): a name is quoted whole. */
export const WORKSPACE_NAME_CHARS = 200;

/** Most characters of a whole message (several quotes, a list of issues) that is shown. */
export const MESSAGE_CHARS = 4096;

/**
 * C0 controls, DEL, C1 controls, line and paragraph separators, and every bidi control (the
 * Arabic letter mark, LRM/RLM, the embeddings and overrides U+202A–U+202E, the isolates
 * U+2066–U+2069), and unpaired surrogates (not text; terminals print them as garbage).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** The same, less line feed and tab: a multi-line message keeps its layout. */
const UNSAFE_IN_MESSAGE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** `\x1b` for code units up to 0xff, `\u202e` above: visible, and what a JavaScript reader would write. */
function visibleEscape(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
}

/** `\u001b` for every unsafe code unit: valid inside a JSON string too, so a JSON line stays JSON. */
function jsonSafeEscape(ch: string): string {
  return `\\u${hex(ch.charCodeAt(0), 4)}`;
}

/** The first `max` UTF-16 units of `text`, not splitting a surrogate pair, and how many units are left. */
function prefix(text: string, max: number): { readonly head: string; readonly rest: number } {
  if (text.length <= max) return { head: text, rest: 0 };
  const last = text.charCodeAt(max - 1);
  const cut = last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
  return { head: text.slice(0, cut), rest: text.length - cut };
}

/**
 * One input value as a message may quote it: control and bidi characters escaped (`\x1b`,
 * `\u202e`), at most `maxChars` characters of it, then `… (N more characters)`. No quotes are
 * added: the caller writes them, as the message's style wants.
 */
export function quoteInput(text: string, maxChars: number = INPUT_QUOTE_CHARS): string {
  const { head, rest } = prefix(text, maxChars);
  const shown = head.replace(UNSAFE, visibleEscape);
  return rest > 0 ? `${shown}… (${rest} more characters)` : shown;
}

/**
 * A whole message made safe to print: line feeds and tabs kept, every other control and bidi
 * character escaped as `\u001b` (so a JSON line stays valid JSON), and at most `maxChars`
 * characters. A guard for messages whose parts were not all quoted through quoteInput.
 */
export function safeMessage(text: string, maxChars: number = MESSAGE_CHARS): string {
  const { head, rest } = prefix(text, maxChars);
  const shown = head.replace(UNSAFE_IN_MESSAGE, jsonSafeEscape);
  return rest > 0 ? `${shown}… (${rest} more characters)` : shown;
}
