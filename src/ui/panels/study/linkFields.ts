import { linkModelSchema, type LinkModel } from '../../../core/hardware/linkModel.ts';
import { checkNumberText, shownText, type NumberEdit, type ShownNumber } from './numberFieldText.ts';

/**
 * A field of the link model editor: the LinkModel key it edits, its label, and the unit the
 * page shows it in (`scale` SI units per shown unit: Mbit/s = 1e6 bit/s).
 */
export interface LinkField extends ShownNumber {
  readonly key: keyof LinkModel & string;
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
  return shownText(link[field.key], field);
}

/**
 * Applies the text typed into one field to a link, validated by linkModelSchema (the core's
 * bounds), with a message naming the field, the value and the allowed range in the field's unit;
 * the caller keeps the last good link when it is refused.
 */
export function editLinkField(link: LinkModel, field: LinkField, text: string): NumberEdit<LinkModel> {
  return checkNumberText(text, field, (si) => linkModelSchema.safeParse({ ...link, [field.key]: si }));
}
