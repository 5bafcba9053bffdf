import { describe, expect, it } from 'vitest';
import { fixtureStudy } from '../../../test/support/studyFixture.ts';
import { encodeWorkspaceLink } from '../../core/share/linkCodec.ts';
import { createStore } from '../store/index.ts';
import { openLinkWithStudy } from './openStudyLink.ts';
import { shareUrl, withStudy } from './shareLink.ts';

const studies = { fixture: fixtureStudy() };
const systems = () => fixtureStudy().tasks({ has: () => false, quick: true });
const first = () => {
  const ws = systems()[0]?.systems[0]?.workspace;
  if (!ws) throw new Error('the fixture has a system');
  return ws;
};
const page = { origin: 'https://example.org', pathname: '/spikelab/' };

function freshStore() {
  const store = createStore();
  store.getState().loadWorkspace({ ...first(), name: 'mine', seed: 3 });
  return store;
}

describe('links that open a study', () => {
  it('carry the study and the changed workspaces; the receiver lands on the study view with them', () => {
    const changed = { ...first(), seed: 42 };
    const link = withStudy(shareUrl(encodeWorkspaceLink(first()), page), { id: 'fixture', workspaces: { 'eeg/LIF over T steps': changed } });
    expect(link.study).toEqual({ id: 'fixture', left: [] });
    const store = freshStore();
    expect(openLinkWithStudy(store, link.url, studies)).toEqual({ workspace: true, study: true });
    const s = store.getState();
    expect([s.studyId, s.centerView]).toEqual(['fixture', 'study']);
    expect(s.studyWorkspaces['eeg/LIF over T steps']?.seed).toBe(42);
    expect(s.workspace?.name).toBe(first().name);
  });

  it('open a study alone, leaving the workspace as it is', () => {
    const store = freshStore();
    expect(openLinkWithStudy(store, `${page.origin}${page.pathname}#study=fixture`, studies)).toEqual({ workspace: false, study: true });
    expect(store.getState().workspace?.name).toBe('mine');
    expect(store.getState().studyId).toBe('fixture');
  });

  it('are refused whole when the study is unknown or hostile: the workspace, the study and the undo history stay', () => {
    for (const bad of ['nosuch', '__proto__', '%3Cimg%20src%3Dx%3E', 'a'.repeat(60)]) {
      const store = freshStore();
      const before = store.getState().workspace;
      const url = `${shareUrl(encodeWorkspaceLink({ ...first(), name: 'theirs' }), page).url}&study=${bad}`;
      expect(openLinkWithStudy(store, url, studies)).toEqual({ workspace: false, study: false });
      const s = store.getState();
      expect(s.workspace).toBe(before);
      expect(s.past).toHaveLength(0);
      expect(s.studyId).toBeNull();
      expect(s.linkNotice).toMatchObject({ kind: 'refused', stage: 'study' });
      if (s.linkNotice?.kind === 'refused') expect(s.linkNotice.reason).toMatch(/the studies are fixture/);
    }
  });
});
