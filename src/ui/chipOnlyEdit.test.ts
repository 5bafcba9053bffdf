import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '../core/spec/parseWorkspace.ts';
import { isChipOnlyEdit } from './runController.ts';

const preset = parseWorkspace(JSON.parse(readFileSync(new URL('../../public/presets/default.workspace.json', import.meta.url), 'utf8')));
const withChip = (chip: unknown) => parseWorkspace({ ...structuredClone(preset), chip });

describe('isChipOnlyEdit', () => {
  it('is true when only the chip target changed, so the spike views need no new run', () => {
    expect(isChipOnlyEdit(preset, withChip({ id: 'truenorth' }))).toBe(true);
    expect(isChipOnlyEdit(withChip({ id: 'loihi', seed: 1 }), withChip({ id: 'loihi', seed: 2 }))).toBe(true);
  });

  it('is false when the network changed too, when nothing changed, or without a workspace', () => {
    const edited = parseWorkspace({ ...structuredClone(preset), chip: { id: 'truenorth' }, name: 'other' });
    expect(isChipOnlyEdit(preset, edited)).toBe(false);
    expect(isChipOnlyEdit(preset, parseWorkspace(structuredClone(preset)))).toBe(false);
    expect(isChipOnlyEdit(null, preset)).toBe(false);
  });
});
