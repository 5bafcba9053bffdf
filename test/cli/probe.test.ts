import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.ts';
import { PROBE_CATEGORIES } from '../probe/categories.ts';
import type { ProbeCase } from '../probe/probeCase.ts';
import { classify, runCase, type CaseRun } from '../probe/runCase.ts';

// The probe (npm run probe) is a tool outside npm test; this keeps its generators, its runner and
// its classifier honest by running a handful of its cases exactly as it does.

const root = mkdtempSync(join(tmpdir(), 'spikelab-probe-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function probeCase(category: string, name: string): Promise<ProbeCase> {
  const cat = PROBE_CATEGORIES.find((c) => c.name === category);
  if (!cat) throw new Error(`no probe category ${category}`);
  const found = (await cat.generate({ rng: createRng(18, `probe-${category}`), dataDir: undefined })).find((c) => c.name === name);
  if (!found) throw new Error(`no probe case '${name}' in ${category}`);
  return found;
}

const run = (over: Partial<CaseRun>): CaseRun => ({ code: 2, signal: null, out: '', err: 'spikelab inspect: x.edf: version at byte 0: not an EDF', ms: 1000, wallMs: 3000, peakRssBytes: 80 * 2 ** 20, killedFor: undefined, ...over });

describe('the probe classifier', () => {
  it('counts exit 2 with a message as a clean refusal, and a stack trace, exit 1 or a signal as a crash', () => {
    expect(classify({ expect: 'refuse' }, run({}))).toMatchObject({ verdict: 'refused', clean: true });
    const stack = 'spikelab inspect: failed: RangeError: Maximum call stack size exceeded\n    at parseEdf (/w/src/core/data/formats/edfReader.ts:102:46)';
    expect(classify({ expect: 'refuse' }, run({ code: 1, err: stack }))).toMatchObject({ verdict: 'crashed', clean: false });
    expect(classify({ expect: 'refuse' }, run({ code: 2, err: stack }))).toMatchObject({ verdict: 'crashed', clean: false });
    expect(classify({ expect: 'refuse' }, run({ code: 2, err: '' }))).toMatchObject({ verdict: 'crashed', clean: false });
    expect(classify({ expect: 'either' }, run({ code: null, signal: 'SIGKILL', killedFor: 'memory' }))).toMatchObject({ verdict: 'crashed', overMemory: true, clean: false });
  });
  it('lets damaged input be read only where the case allows it, and flags runs over 10 s or 1 GB', () => {
    expect(classify({ expect: 'either' }, run({ code: 0, err: '' }))).toMatchObject({ verdict: 'read', clean: true });
    expect(classify({ expect: 'refuse' }, run({ code: 0, err: '' }))).toMatchObject({ verdict: 'read', clean: false });
    expect(classify({ expect: 'refuse' }, run({ ms: 10_500 }))).toMatchObject({ verdict: 'refused', overTime: true, clean: false });
    expect(classify({ expect: 'refuse' }, run({ peakRssBytes: 1.2 * 2 ** 30 }))).toMatchObject({ overMemory: true, clean: false });
  });
});

describe('a handful of the probe cases, run as the probe runs them', () => {
  const picks: readonly [string, string][] = [
    ['edf', '10^9 samples per record'],
    ['idx', 'gzip bomb: 4 GiB + 1 MiB of zeros, footer wrapped to 1 MiB'],
    ['nir', 'a weight declared 20,000 × 20,000'],
    ['csv', 'a valid CSV'],
    ['link', 'cut to half'],
  ];
  it.each(picks)('%s: %s is clean, under 10 s and 1 GB', async (category, name) => {
    const c = await probeCase(category, name);
    const r = await runCase(c, join(root, `${category}-${picks.findIndex(([, n]) => n === name)}`));
    const v = classify(c, r);
    expect(v.why).toBe('');
    expect(v.clean).toBe(true);
    expect(r.peakRssBytes).toBeGreaterThan(10 * 2 ** 20);
  }, 60_000);
});
