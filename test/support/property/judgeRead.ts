import fc from 'fast-check';
import { DataFormatError } from '../../../src/core/errors.ts';
import type { DataRecord, NamedBytes } from '../../../src/core/data/formats/loadFiles.ts';
import { budgetedCall, budgetProblems, describeThrown } from './budgetedCall.ts';
import { knownDefectOf } from './knownDefects.ts';
import { recordProblems, type RecordProblem } from './recordValidity.ts';

/** How a read ended, and what it cost. */
export interface ReadVerdict {
  readonly verdict: 'valid' | 'refused';
  readonly ms: number;
  readonly bytes: number;
}

/** Longest error message accepted: an error quotes a short prefix of the input, never the input. */
export const MAX_MESSAGE_CHARS = 600;

/** Problems of a thrown value: anything but a DataFormatError naming an input, a field and an offset inside it. */
export function refusalProblems(e: unknown, inputs: readonly NamedBytes[]): RecordProblem[] {
  if (!(e instanceof DataFormatError)) return [{ code: 'untyped-error', detail: describeThrown(e) }];
  const out: RecordProblem[] = [];
  const input = inputs.find((f) => f.name === e.file);
  if (!input) out.push({ code: 'error-file', detail: `names '${e.file}', not one of ${inputs.map((f) => f.name).join(', ')}` });
  const end = input?.bytes.length ?? Math.max(...inputs.map((f) => f.bytes.length));
  if (!Number.isInteger(e.byteOffset) || e.byteOffset < 0 || e.byteOffset > end) out.push({ code: 'error-offset', detail: `byte offset ${e.byteOffset} outside [0, ${end}] of ${e.file}` });
  if (e.field.trim() === '') out.push({ code: 'error-field', detail: 'no field named' });
  if (e.message.length > MAX_MESSAGE_CHARS) out.push({ code: 'long-message', detail: `${e.message.length} characters: ${e.message.slice(0, 120)}…` });
  return out;
}

/**
 * The property every reader must hold on any input: it returns a record that passes
 * recordProblems, or throws a DataFormatError with file, field and byte offset — within the time
 * and memory budget. A run whose only problems are defects listed in knownDefects.ts (owned by
 * another helper of issue 26) is discarded with fc.pre, so it neither fails nor counts as a pass.
 * Returns the verdict with the time and memory the call took, for the caller's statistics.
 */
export function judgeRead(reader: string, inputs: readonly NamedBytes[], read: (files: readonly NamedBytes[]) => DataRecord): ReadVerdict {
  const o = budgetedCall(() => read(inputs));
  const problems: RecordProblem[] = budgetProblems(o).map((detail) => ({ code: 'budget', detail }));
  problems.push(...(o.ok ? recordProblems(o.value) : refusalProblems(o.error, inputs)));
  const unknown = problems.filter((p) => !knownDefectOf(reader, p.code));
  if (unknown.length > 0) {
    const what = o.ok ? 'returned an invalid record' : 'threw';
    throw new Error(`${reader} ${what}: ${unknown.map((p) => `[${p.code}] ${p.detail}`).join('; ')} (inputs: ${inputs.map((f) => `${f.name} ${f.bytes.length} B`).join(', ')})`);
  }
  // Only known defects (knownDefects.ts): skip this input instead of passing it.
  fc.pre(problems.length === 0);
  return { verdict: o.ok ? 'valid' : 'refused', ms: o.ms, bytes: o.bytes };
}
