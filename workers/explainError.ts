import { SpikelabError } from '../src/core/errors.ts';

/** An error as the page shows it: a sentence for the user, and the raw text for a details fold. */
export interface ExplainedError {
  /** What was being done, what went wrong in words the user knows, and what to do next. */
  readonly message: string;
  /** The JavaScript engine's own text ("RangeError: Invalid array length"), shown folded; absent for Spikelab's own errors. */
  readonly detail?: string;
}

/** A kind of raw engine error: how to recognise it, what it means for the input, what to do. */
interface RawErrorKind {
  readonly matches: (name: string, message: string) => boolean;
  readonly meaning: string;
  readonly next: string;
}

/**
 * The engine's errors that reach the page when an input is larger or deeper than anything a
 * budget foresaw, first match wins. Their texts differ between engines (V8's "Invalid array
 * length", "Array buffer allocation failed", Firefox's "too much recursion"), so the patterns
 * cover the known spellings; anything else falls through to the last row.
 */
const RAW_ERROR_KINDS: readonly RawErrorKind[] = [
  {
    matches: (name, m) => /call stack|too much recursion|stack overflow/i.test(m) || name === 'InternalError',
    meaning: 'the input is nested or chained too deeply for this browser to follow',
    next: 'make it smaller (fewer nested levels or nodes) and try again; your workspace is unchanged',
  },
  {
    matches: (name, m) => /array length|buffer allocation|allocation failed|out of memory|invalid typed array|array buffer|memory access out of bounds|maximum size|too large/i.test(m) || (name === 'RangeError' && /size|length|memory/i.test(m)),
    meaning: 'it needs more memory than this browser can give it',
    next: 'use a smaller input (fewer samples, channels, neurons or steps) and try again; your workspace is unchanged',
  },
  {
    matches: (name, m) => name === 'TypeError' && /fetch|network|load failed/i.test(m),
    meaning: 'a file of the page could not be fetched (offline, or the server stopped)',
    next: 'check the connection and reload the page; your saved workspaces are kept in this browser',
  },
  {
    matches: (name) => name === 'QuotaExceededError',
    meaning: 'the browser’s storage for this site is full',
    next: 'delete saved workspaces or kept files you no longer need, or save a workspace file',
  },
  {
    matches: () => true,
    meaning: 'Spikelab met an error it does not describe yet (a bug)',
    next: 'your workspace is unchanged; please report it with the details below',
  },
];

/** Names of the engine's own error classes: a message from one of these is never shown as is. */
const ENGINE_ERROR_NAMES = new Set(['RangeError', 'TypeError', 'ReferenceError', 'SyntaxError', 'InternalError', 'EvalError', 'URIError', 'AggregateError', 'RuntimeError', 'CompileError', 'LinkError', 'QuotaExceededError', 'DataCloneError']);

/** Raw texts that V8 also throws as a plain Error (e.g. through a wasm or structured-clone boundary). */
const RAW_MESSAGE = /Invalid array length|Maximum call stack size exceeded|Array buffer allocation failed|out of memory|Invalid typed array length|memory access out of bounds/i;

/** The raw text for the fold: one line, control characters escaped, at most a short prefix. */
function rawDetail(name: string, message: string): string {
  const clean = `${name}: ${message}`.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return clean.length > 300 ? `${clean.slice(0, 300)}… (${clean.length} characters)` : clean;
}

/**
 * How the page tells the user that `doing` ("reading the NIR file model.nir") failed. Spikelab's
 * own errors (SpikelabError and its subclasses, also after crossing the worker boundary, where
 * they keep a `code`) and messages the page wrote itself pass through: they already say what to
 * do, unless they wrap a raw engine text. A raw engine error ("RangeError: Invalid array length") becomes a sentence naming what was
 * being done, what it means and what to do, with the raw text kept only as `detail`.
 */
export function explainError(e: unknown, doing: string): ExplainedError {
  const name = e instanceof Error ? e.name : typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string' ? (e as { name: string }).name : 'Error';
  const message = e instanceof Error ? e.message : typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string' ? (e as { message: string }).message : String(e);
  const ours = e instanceof SpikelabError || (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string');
  // A raw text wrapped in one of our errors ("not JSON: Maximum call stack size exceeded") is raw too.
  const raw = RAW_MESSAGE.test(message) || (!ours && (ENGINE_ERROR_NAMES.has(name) || !(e instanceof Error)));
  if (!raw) return { message };
  const kind = RAW_ERROR_KINDS.find((k) => k.matches(name, message)) ?? RAW_ERROR_KINDS[RAW_ERROR_KINDS.length - 1];
  return { message: `${doing} failed: ${kind?.meaning ?? ''}. ${kind?.next ?? ''}`, detail: rawDetail(name, message) };
}
