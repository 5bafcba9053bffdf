import { describe, expect, it } from 'vitest';
import { EDGE_TO_CLOUD_LINK } from '../../../core/hardware/linkModel.ts';
import { editLinkField, LINK_FIELDS, linkFieldText, type LinkField } from './linkFields.ts';

const field = (key: LinkField['key']): LinkField => {
  const f = LINK_FIELDS.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${key}`);
  return f;
};
const bandwidth = field('bandwidthBitsPerS');
const roundTrip = field('latencyS');
const radio = field('energyPerBitJ');

describe('linkFields', () => {
  it('linkFieldText shows the default link in Mbit/s, ms and nJ/bit without float dust', () => {
    expect(LINK_FIELDS.map((f) => `${linkFieldText(EDGE_TO_CLOUD_LINK, f)} ${f.unit}`)).toEqual(['10 Mbit/s', '40 ms', '100 nJ/bit']);
  });

  it('editLinkField converts the shown unit to SI and keeps the other fields', () => {
    const edit = editLinkField(EDGE_TO_CLOUD_LINK, bandwidth, ' 2.5 ');
    expect(edit).toEqual({ ok: true, value: { ...EDGE_TO_CLOUD_LINK, bandwidthBitsPerS: 2.5e6 } });
    const rt = editLinkField(EDGE_TO_CLOUD_LINK, roundTrip, '0');
    expect(rt.ok && rt.value.latencyS).toBe(0);
    const nj = editLinkField(EDGE_TO_CLOUD_LINK, radio, '1e3');
    expect(nj.ok && nj.value.energyPerBitJ).toBeCloseTo(1e-6, 15);
  });

  it('editLinkField refuses text and an empty field as not a number, naming the field and unit', () => {
    expect(editLinkField(EDGE_TO_CLOUD_LINK, bandwidth, 'fast')).toEqual({ ok: false, error: "bandwidth: 'fast' is not a number of Mbit/s" });
    expect(editLinkField(EDGE_TO_CLOUD_LINK, roundTrip, '')).toEqual({ ok: false, error: "round trip: '' is not a number of ms" });
  });

  it("editLinkField refuses values outside linkModelSchema's bounds, with the bound in the field's unit", () => {
    expect(editLinkField(EDGE_TO_CLOUD_LINK, bandwidth, '0')).toEqual({ ok: false, error: 'bandwidth must be more than 0 Mbit/s, not 0 Mbit/s' });
    expect(editLinkField(EDGE_TO_CLOUD_LINK, roundTrip, '-5')).toEqual({ ok: false, error: 'round trip must be at least 0 ms, not -5 ms' });
    // The schema's 60 s cap on the round trip is 60 000 ms; the radio's 1 mJ/bit cap is 1e6 nJ/bit.
    expect(editLinkField(EDGE_TO_CLOUD_LINK, roundTrip, '60001')).toEqual({ ok: false, error: 'round trip must be at most 60000 ms, not 60001 ms' });
    expect(editLinkField(EDGE_TO_CLOUD_LINK, radio, '2e6')).toEqual({ ok: false, error: 'radio energy must be at most 1000000 nJ/bit, not 2e6 nJ/bit' });
  });
});
