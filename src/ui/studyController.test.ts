import { describe, expect, it } from 'vitest';
import { fixtureStudy } from '../../test/support/studyFixture.ts';
import { createStore } from './store/index.ts';
import { backToStudy, captureChangedRow, openStudy, openStudyRow, resetRow } from './studyController.ts';

const studies = { fixture: fixtureStudy() };
const KEY = 'ecg/IF over T steps';

async function storeWithOpenRow() {
  const store = createStore();
  const base = fixtureStudy().tasks({ has: () => false, quick: true })[0]?.systems[0]?.workspace;
  if (!base) throw new Error('the fixture has a system');
  store.getState().loadWorkspace({ ...base, name: 'before the study' });
  openStudy(store, 'fixture', {}, studies);
  await openStudyRow(store, KEY, studies);
  return store;
}

describe('a study row opened as the current workspace', () => {
  it('loads the system\'s workspace, shows its spikes, and undo returns to the workspace before', async () => {
    const store = await storeWithOpenRow();
    const s = store.getState();
    expect(s.workspace?.name).toBe('IF over T steps');
    expect(s.centerView).toBe('spikes');
    expect(s.studyOpenedRow?.key).toBe(KEY);
    s.undo();
    expect(store.getState().workspace?.name).toBe('before the study');
  });

  it('is kept for the next run once changed, when the user goes back to the study', async () => {
    const store = await storeWithOpenRow();
    backToStudy(store);
    // Unchanged: nothing to keep.
    expect(store.getState().studyWorkspaces).toEqual({});
    store.getState().edit('seed', (d) => void (d['seed'] = 1234));
    backToStudy(store);
    expect(store.getState().centerView).toBe('study');
    expect(store.getState().studyWorkspaces[KEY]?.seed).toBe(1234);
    // Opened again, the row shows the changed workspace, not the definition's.
    await openStudyRow(store, KEY, studies);
    expect(store.getState().workspace?.seed).toBe(1234);
    resetRow(store, KEY);
    expect(store.getState().studyWorkspaces).toEqual({});
  });

  it('is not taken for the row once another workspace replaced it', async () => {
    const store = await storeWithOpenRow();
    const other = store.getState().workspace;
    if (!other) throw new Error('a workspace is shown');
    // A preset (or a link) opened over the row's workspace: a new saved entry, not the row's.
    store.getState().setDoc({ docId: 'another-entry', docPristine: null });
    store.getState().edit('seed', (d) => void (d['seed'] = 77));
    captureChangedRow(store);
    expect(store.getState().studyWorkspaces).toEqual({});
  });

  it('is refused for a system the study does not have', async () => {
    const store = createStore();
    openStudy(store, 'fixture', {}, studies);
    expect(await openStudyRow(store, 'ecg/nothing', studies)).toMatch(/no system 'ecg\/nothing'/);
    expect(store.getState().workspace).toBeNull();
  });
});
