import { linkModelSchema, type LinkModel } from '../../../core/hardware/linkModel.ts';

/**
 * A field of the link model editor: the LinkModel key it edits, its label, and the unit the
 * page shows it in (`scale` SI units per shown unit: Mbit/s = 1e6 bit/s).
 */
export interface LinkField {
  readonly key: keyof LinkModel & string;
  readonly label: string;
  readonly unit: string;
  readonly scale: number;
  readonly title: string;
}

/** The editor's fields, in the order shown: the one list the inputs, their parsing and errors read. */
export const LINK_FIELDS: readonly LinkField[] = [
  { key: 'bandwidthBitsPerS', label: 'bandwidth', unit: 'Mbit/s', scale: 1e6, title: "the edge's sustained uplink rate to the cloud" },
  { key: 'latencyS', label: 'round trip', unit: 'ms', scale: 1e-3, title: 'the time every request to the cloud costs besides its bits' },
  { key: 'energyPerBitJ', label: 'radio energy', unit: 'nJ/bit', scale: 1e-9, title: "the edge radio's energy per bit sent" },
];

/** A field's value in its shown unit, as the input shows it: 10 Mbit/s, 40 ms, 100 nJ/bit (no float dust). */
export function linkFieldText(link: LinkModel, field: LinkField): string {
  return String(Number((link[field.key] / field.scale).toPrecision(6)));
}

/** A field's bound, in its shown unit, for an error message. */
const shown = (si: number, field: LinkField): string => `${Number((si / field.scale).toPrecision(6))} ${field.unit}`;

/** The outcome of editing one field: the new link, or why the text is not a valid value (the link stays as it was). */
export type LinkEdit = { readonly ok: true; readonly link: LinkModel } | { readonly ok: false; readonly error: string };

/**
 * Applies the text typed into one field to a link, validated by linkModelSchema (the core's
 * bounds), with a message naming the field, the value and the allowed range in the field's unit.
 */
export function editLinkField(link: LinkModel, field: LinkField, text: string): LinkEdit {
  const trimmed = text.trim();
  // Number('') is 0 and Number('1e') is NaN: an empty field is "not a number", not zero.
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, error: `${field.label}: '${trimmed}' is not a number of ${field.unit}` };
  const parsed = linkModelSchema.safeParse({ ...link, [field.key]: value * field.scale });
  if (parsed.success) return { ok: true, link: parsed.data };
  const issue = parsed.error.issues[0];
  if (issue?.code === 'too_small') {
    const min = Number(issue.minimum);
    return { ok: false, error: `${field.label} must be ${issue.inclusive ? 'at least' : 'more than'} ${shown(min, field)}, not ${trimmed} ${field.unit}` };
  }
  if (issue?.code === 'too_big') {
    return { ok: false, error: `${field.label} must be at most ${shown(Number(issue.maximum), field)}, not ${trimmed} ${field.unit}` };
  }
  return { ok: false, error: `${field.label}: ${issue?.message ?? 'not a valid value'}` };
}
