import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/index.ts';
import { parseWorkspace } from '../spec/parseWorkspace.ts';
import { mapWorkspace } from './mapWorkspace.ts';
import { MILLION_GAIN } from '../../../test/support/hostileWorkspaces.ts';

describe('mapping a run whose recording stopped at its budget', () => {
  it('says in its notes that the spike traffic counts the recorded spikes only', async () => {
    const engine = await createEngine('events');
    const r = await mapWorkspace(parseWorkspace({ ...MILLION_GAIN, chip: { id: 'loihi' } }), engine);
    engine.dispose();
    expect(r.notes.some((n) => /^the spike traffic counts the recorded spikes only: the recording stopped at step \d+ of 1000/.test(n)), r.notes.join('\n')).toBe(true);
  });
});
