import { describe, expect, it } from 'vitest';
import { fixtureStudy } from '../../../test/support/studyFixture.ts';
import { LinkError } from '../errors.ts';
import { encodeStudyParams, hasStudyParam, readStudyLink } from './studyLink.ts';
import { encodeWorkspaceLink, MAX_LINK_CHARS } from './linkCodec.ts';

const studies = { fixture: fixtureStudy() };
const system = () => {
  const ws = fixtureStudy().tasks({ has: () => false, quick: true })[0]?.systems[0]?.workspace;
  if (!ws) throw new Error('the fixture has a system');
  return ws;
};

/** The stage a link is refused at, or 'ok'. */
function stage(text: string): string {
  try {
    readStudyLink(text, studies);
    return 'ok';
  } catch (e) {
    if (e instanceof LinkError) return e.stage;
    throw e;
  }
}

describe('study links', () => {
  it('read back the study and its changed workspaces, beside a workspace link', () => {
    const changed = { ...system(), seed: 99 };
    const { fragment, left } = encodeStudyParams('fixture', { 'ecg/SSF, 4-bit weights': changed }, MAX_LINK_CHARS);
    expect(left).toEqual([]);
    const url = `https://example.org/spikelab/#${encodeWorkspaceLink(system()).fragment}&${fragment}`;
    expect(hasStudyParam(url)).toBe(true);
    const read = readStudyLink(url, studies);
    expect(read?.study).toBe('fixture');
    expect(Object.keys(read?.workspaces ?? {})).toEqual(['ecg/SSF, 4-bit weights']);
    expect(read?.workspaces['ecg/SSF, 4-bit weights']?.seed).toBe(99);
  });

  it('are no study links when no study is named', () => {
    expect(hasStudyParam('#w=v1.abc')).toBe(false);
    expect(readStudyLink('#w=v1.abc', studies)).toBeNull();
  });

  it('leave out the changed workspaces that would make the link too long, and say which', () => {
    const { fragment, left } = encodeStudyParams('fixture', { 'ecg/SSF, 4-bit weights': system(), 'eeg/LIF over T steps': { ...system(), seed: 5 } }, 40);
    expect(fragment).toBe('study=fixture');
    expect([...left].sort()).toEqual(['ecg/SSF, 4-bit weights', 'eeg/LIF over T steps']);
  });

  it('refuse an unknown, hostile or repeated study, naming the studies there are', () => {
    expect(() => readStudyLink('#study=nosuch', studies)).toThrow(/no study 'nosuch'; the studies are fixture/);
    expect(stage('#study=__proto__')).toBe('study');
    expect(stage('#study=constructor')).toBe('study');
    expect(stage('#study=%3Cscript%3E')).toBe('study');
    expect(stage(`#study=${'a'.repeat(41)}`)).toBe('study');
    expect(stage('#study=fixture&study=fixture')).toBe('study');
    expect(stage('#study=')).toBe('study');
    // Control characters of a hostile id are shown escaped, never raw.
    expect(() => readStudyLink('#study=\u001b[31mred', studies)).toThrow(/\\x1b\[31mred/);
  });

  it('refuse a changed workspace of a system the study has not, or a broken one, at the right stage', () => {
    const body = encodeWorkspaceLink(system()).fragment.replace(/^w=/, '');
    expect(stage(`#study=fixture&sw=${encodeURIComponent('ecg/no such system')}:${body}`)).toBe('study');
    expect(stage(`#study=fixture&sw=${body}`)).toBe('study');
    expect(stage(`#study=fixture&sw=%E0%A4%A:${body}`)).toBe('study');
    const key = encodeURIComponent('ecg/SSF, 4-bit weights');
    expect(stage(`#study=fixture&sw=${key}:${body}&sw=${key}:${body}`)).toBe('study');
    expect(stage(`#study=fixture&sw=${key}:${body.slice(0, -12)}`)).not.toBe('ok');
    expect(stage(`#study=fixture&sw=${key}:v9.${body.slice(3)}`)).toBe('version');
    expect(stage(`#study=fixture&sw=${key}:${'A'.repeat(MAX_LINK_CHARS + 5000)}`)).toBe('size');
  });
});
