import { describe, expect, it } from 'vitest';
import { readCatalogue } from './catalogue.ts';
import type { WorkspaceEntry } from './workspaceEntry.ts';

const entry = (id: string, savedAt: number): WorkspaceEntry => ({ id, name: `ws ${id}`, savedAt, revision: 1, summary: '2 layers', hasWeights: false });

describe('readCatalogue', () => {
  it('lists every readable entry, newest save first', () => {
    const c = readCatalogue([
      ['a', entry('a', 1)],
      ['b', entry('b', 3)],
      ['c', entry('c', 2)],
    ]);
    expect(c.entries.map((e) => e.id)).toEqual(['b', 'c', 'a']);
    expect(c.damaged).toEqual([]);
  });

  it('keeps unreadable entries as damaged with every missing or mistyped field named', () => {
    const c = readCatalogue([
      ['a', entry('a', 1)],
      ['half', { id: 'half', name: 'half an entry', revision: 1.5 }],
      ['junk', 'garbage'],
      ['nul', null],
    ]);
    expect(c.entries.map((e) => e.id)).toEqual(['a']);
    expect(c.damaged).toEqual([
      { key: 'half', name: 'half an entry', reason: 'savedAt is missing; revision is not an integer; summary is missing; hasWeights is missing' },
      { key: 'junk', name: 'junk', reason: 'it is not an object (string)' },
      { key: 'nul', name: 'nul', reason: 'it is not an object (null)' },
    ]);
  });

  it('never lists an id twice: a copy under another key is damaged, whatever the order', () => {
    for (const pairs of [
      [
        ['a', entry('a', 1)],
        ['stray', { ...entry('a', 9), name: 'stray copy' }],
      ],
      [
        ['stray', { ...entry('a', 9), name: 'stray copy' }],
        ['a', entry('a', 1)],
      ],
    ] as const) {
      const c = readCatalogue(pairs);
      expect(c.entries.map((e) => [e.id, e.savedAt])).toEqual([['a', 1]]);
      expect(c.damaged).toEqual([{ key: 'stray', name: 'stray copy', reason: "stored under 'stray' but its id is 'a'" }]);
    }
  });

  it('quotes at most a short prefix of a huge stored id', () => {
    const c = readCatalogue([['k', { ...entry('x'.repeat(1_000_000), 1) }]]);
    expect(c.damaged[0]?.reason.length).toBeLessThan(120);
  });
});
