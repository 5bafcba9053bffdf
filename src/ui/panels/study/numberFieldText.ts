import type { z } from 'zod';

/** The outcome of a typed number: the value, or why the text is not one the schema allows. */
export type NumberEdit<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** How a field is named and shown: its label, the unit it is typed in, and SI units per shown unit. */
export interface ShownNumber {
  readonly label: string;
  readonly unit: string;
  readonly scale: number;
}

/** A value in its shown unit, without float dust: 1e7 bit/s at 1e6 → "10". */
export const shownText = (si: number, f: ShownNumber): string => String(Number((si / f.scale).toPrecision(6)));

const withUnit = (text: string, f: ShownNumber): string => (f.unit === '' ? text : `${text} ${f.unit}`);

/**
 * Parses the text typed into a number field and validates it with `check` (the core's zod schema
 * of the whole record the field is part of), with a message naming the field, what was typed and
 * the allowed bound in the field's unit: "bandwidth must be more than 0 Mbit/s, not 0 Mbit/s".
 */
export function checkNumberText<T>(text: string, f: ShownNumber, check: (si: number) => z.ZodSafeParseResult<T>): NumberEdit<T> {
  const trimmed = text.trim();
  // Number('') is 0 and Number('1e') is NaN: an empty field is "not a number", not zero.
  const typed = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(typed)) return { ok: false, error: `${f.label}: '${trimmed}' is not a number${f.unit === '' ? '' : ` of ${f.unit}`}` };
  const parsed = check(typed * f.scale);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  if (issue?.code === 'too_small') return { ok: false, error: `${f.label} must be ${issue.inclusive ? 'at least' : 'more than'} ${withUnit(shownText(Number(issue.minimum), f), f)}, not ${withUnit(trimmed, f)}` };
  if (issue?.code === 'too_big') return { ok: false, error: `${f.label} must be at most ${withUnit(shownText(Number(issue.maximum), f), f)}, not ${withUnit(trimmed, f)}` };
  return { ok: false, error: `${f.label}: ${issue?.message ?? 'not a valid value'}` };
}
