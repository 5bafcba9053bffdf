import { describe, expect, it } from 'vitest';
import { recordNotes } from './recordNotes.ts';

describe('recordNotes', () => {
  it('lists the AAMI beat classes of an annotated WFDB record, most frequent first', () => {
    expect(recordNotes({ kind: 'signal', classCounts: { S: 33, N: 2239 }, summary: { annotations: { N: 2239, A: 33 }, warnings: [] } })).toEqual([{ text: 'AAMI: N 2239 · S 33', warning: false }]);
  });

  it('says a WFDB record came without its .atr instead of a bare "AAMI:"', () => {
    const [note, ...rest] = recordNotes({ kind: 'signal', classCounts: {}, summary: { annotations: {}, warnings: [] } });
    expect(rest).toEqual([]);
    expect(note?.text).toMatch(/^no annotations \(\.atr not given\)/);
    expect(note?.warning).toBe(true);
  });

  it('names the annotations of a record none of which is a beat class', () => {
    expect(recordNotes({ kind: 'signal', classCounts: {}, summary: { annotations: { '+': 3, '~': 1 }, warnings: [] } })[0]?.text).toBe('no AAMI beat classes among its annotations (+ 3 · ~ 1)');
  });

  it('says an event file holds no events when it is a header only', () => {
    const notes = recordNotes({ kind: 'events', summary: { annotations: {}, events: 0, warnings: [] } });
    expect(notes).toHaveLength(1);
    expect(notes[0]?.text).toMatch(/^the file holds no events/);
    expect(recordNotes({ kind: 'events', summary: { annotations: {}, events: 12, warnings: [] } })).toEqual([]);
  });

  it('lists the annotations of other signal files (EDF+) and says nothing when there are none', () => {
    expect(recordNotes({ kind: 'signal', summary: { annotations: { 'T0': 15, 'T1': 8 }, warnings: [] } })).toEqual([{ text: 'annotations: T0 15 · T1 8', warning: false }]);
    expect(recordNotes({ kind: 'signal', summary: { annotations: {}, warnings: [] } })).toEqual([]);
  });

  it('lists every warning its reader left, after the other notes, as a warning with its kind', () => {
    const damaged = { code: 'checksum_mismatch', file: '100.hea', field: 'signal 0 (MLII) checksum', byte_offset: 62, message: '100.hea: signal 0 (MLII) checksum at byte 62: the header says -22131, the samples sum to -22130' } as const;
    const notes = recordNotes({ kind: 'signal', classCounts: { N: 3 }, summary: { annotations: { N: 3 }, warnings: [damaged] } });
    expect(notes).toEqual([
      { text: 'AAMI: N 3', warning: false },
      { text: `warning (checksum mismatch): ${damaged.message}`, warning: true },
    ]);
  });
});
