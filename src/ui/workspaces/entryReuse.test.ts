import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWorkspace } from '../../core/spec/parseWorkspace.ts';
import type { WorkspaceEntry } from '../autosave/workspaceEntry.ts';
import { chooseEntry, contentFingerprint, isEdited, uniqueName, workspaceFingerprint } from './entryReuse.ts';

const preset = parseWorkspace(JSON.parse(readFileSync(new URL('../../../public/presets/default.workspace.json', import.meta.url), 'utf8')));
const eeg = parseWorkspace(JSON.parse(readFileSync(new URL('../../../public/presets/eeg.workspace.json', import.meta.url), 'utf8')));

const entry = (id: string, patch: Partial<WorkspaceEntry> = {}): WorkspaceEntry => ({ id, name: id, savedAt: 1, revision: 1, summary: '', hasWeights: false, ...patch });

describe('workspace fingerprints', () => {
  it('are equal for equal content whatever the key order, and differ for a changed seed', () => {
    const reordered = parseWorkspace(JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(preset).reverse()))));
    expect(workspaceFingerprint(reordered)).toBe(workspaceFingerprint(preset));
    expect(workspaceFingerprint({ ...preset, seed: preset.seed + 1 })).not.toBe(workspaceFingerprint(preset));
    expect(workspaceFingerprint(preset)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('a rename changes the full fingerprint but not the content one', () => {
    const renamed = { ...preset, name: `${preset.name} (2)` };
    expect(workspaceFingerprint(renamed)).not.toBe(workspaceFingerprint(preset));
    expect(contentFingerprint(renamed)).toBe(contentFingerprint(preset));
    expect(contentFingerprint(eeg)).not.toBe(contentFingerprint(preset));
  });

  it('isEdited: weights, any change, or an unknown origin count as the user’s own work', () => {
    const pristine = workspaceFingerprint(preset);
    expect(isEdited(preset, pristine, false)).toBe(false);
    expect(isEdited(preset, pristine, true)).toBe(true);
    expect(isEdited({ ...preset, seed: 5 }, pristine, false)).toBe(true);
    expect(isEdited({ ...preset, name: 'mine' }, pristine, false)).toBe(true);
    expect(isEdited(preset, null, false)).toBe(true);
  });
});

describe('chooseEntry, the entry-reuse rule', () => {
  const incoming = { content: contentFingerprint(preset), hasWeights: false };

  it('replaces an unedited workspace shown in place, and keeps an edited one', () => {
    expect(chooseEntry({ current: { id: 'a', edited: false }, docs: [], incoming, reopen: true })).toEqual({ kind: 'replace' });
    expect(chooseEntry({ current: { id: 'a', edited: true }, docs: [], incoming, reopen: true })).toEqual({ kind: 'new' });
    expect(chooseEntry({ current: null, docs: [], incoming, reopen: true })).toEqual({ kind: 'new' });
  });

  it('opens the newest unedited saved entry with the same content, when reopening is allowed', () => {
    const docs = [
      entry('old', { content: incoming.content, edited: false, savedAt: 1 }),
      entry('new', { content: incoming.content, edited: false, savedAt: 5 }),
      entry('edited', { content: incoming.content, edited: true, savedAt: 9 }),
      entry('trained', { content: incoming.content, edited: false, hasWeights: true, savedAt: 9 }),
      entry('legacy', { savedAt: 9 }),
      entry('other', { content: contentFingerprint(eeg), edited: false, savedAt: 9 }),
    ];
    expect(chooseEntry({ current: { id: 'a', edited: true }, docs, incoming, reopen: true })).toEqual({ kind: 'open', id: 'new' });
    // A link or file is not matched against the list: it replaces or adds, as the shown one allows.
    expect(chooseEntry({ current: { id: 'a', edited: true }, docs, incoming, reopen: false })).toEqual({ kind: 'new' });
    // Weights coming with it are the sender's work: never folded into an existing entry.
    expect(chooseEntry({ current: { id: 'a', edited: false }, docs, incoming: { ...incoming, hasWeights: true }, reopen: true })).toEqual({ kind: 'replace' });
  });

  it('never "opens" the entry already shown', () => {
    const docs = [entry('a', { content: incoming.content, edited: false })];
    expect(chooseEntry({ current: { id: 'a', edited: false }, docs, incoming, reopen: true })).toEqual({ kind: 'replace' });
  });
});

describe('uniqueName', () => {
  it('keeps a free name, and numbers a taken one from (2), counting past its own suffix', () => {
    expect(uniqueName('ECG', ['EEG'])).toBe('ECG');
    expect(uniqueName('ECG', ['ECG'])).toBe('ECG (2)');
    expect(uniqueName('ECG', ['ECG', 'ECG (2)'])).toBe('ECG (3)');
    expect(uniqueName('ECG (2)', ['ECG', 'ECG (2)'])).toBe('ECG (3)');
  });

  it('stays within the 200 characters a name may have', () => {
    const long = 'x'.repeat(200);
    const next = uniqueName(long, [long]);
    expect(next).toHaveLength(200);
    expect(next.endsWith(' (2)')).toBe(true);
  });
});
