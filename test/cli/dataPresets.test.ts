import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDigitFileName } from '../../src/core/trainingSets/audioFileSets.ts';
import { cli } from '../support/cli.ts';
import { DATA_DIR, HAVE_DATA } from '../support/sharedData.ts';

interface Metrics {
  accuracy: number;
  classes: string[];
  confusion: number[][];
}

/** Presets trained on real recordings of ../shared/data: short runs, bars well above chance (10 %). */
const CASES = [
  { preset: 'dvs-nmnist', data: 'dvs/nmnist/slayerPytorch-NMNISTsmall', split: 'intra', epochs: '3', test: 100, atLeast: 0.6 },
  { preset: 'audio-digits', data: 'audio/fsdd/recordings', split: 'intra', epochs: '2', test: 250, atLeast: 0.6 },
  // One fold of a leave-one-speaker-out study: george's 500 recordings are the test set.
  { preset: 'audio-digits', data: 'audio/fsdd/recordings', split: 'inter', heldOut: 'george', epochs: '1', test: 500, atLeast: 0.3 },
  // audio-digits-pool trains on tfjs (a graph: minutes a fold), too long for this suite; its front end is
  // tested in test/integration/audioDigitsPool.test.ts, its five folds are in the README.
] as const;

/** A folder of links to the FSDD recordings a split tests on: one speaker's, or takes 0–4 of all (FSDD's split). */
function testRecordings(from: string, to: string, held: { speaker?: string }): string {
  mkdirSync(to);
  for (const name of readdirSync(from)) {
    const id = parseDigitFileName(name);
    if (id && (held.speaker !== undefined ? id.speaker === held.speaker : id.index < 5)) symlinkSync(join(from, name), join(to, name));
  }
  return to;
}

describe.skipIf(!HAVE_DATA)('presets trained on real recordings (N-MNIST events, FSDD spoken digits)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spikelab-data-presets-'));
  for (const c of CASES)
    it(`${c.preset} learns from ${c.data}${'heldOut' in c ? ` with ${c.heldOut} held out` : ''} and eval scores the same ${c.test} test samples`, { timeout: 600_000 }, () => {
      const model = join(dir, `${c.preset}-${c.split}.model.json`);
      const folder = join(DATA_DIR, c.data);
      const t = cli('train', '--preset', c.preset, '--data', folder, '--split', c.split, ...('heldOut' in c ? ['--held-out', c.heldOut] : []), '--epochs', c.epochs, '--out', model, '--json');
      expect(t.code, t.err).toBe(0);
      const final = JSON.parse(t.out.trim().split('\n').at(-1) ?? '{}') as Metrics;
      console.log(`${c.preset} on ${c.data}${'heldOut' in c ? ` (${c.heldOut} held out)` : ''}: ${c.epochs} epochs, test accuracy ${(100 * final.accuracy).toFixed(1)} %`);
      expect(final.confusion.flat().reduce((a, b) => a + b, 0)).toBe(c.test);
      expect(final.accuracy).toBeGreaterThanOrEqual(c.atLeast);
      if ('heldOut' in c) expect((JSON.parse(readFileSync(model, 'utf8')) as { metrics: { data: string } }).metrics.data).toContain(`speaker ${c.heldOut} held out`);
      // eval scores every file it is given: the N-MNIST folder's own test list, or a folder of
      // just the recordings training held out (FSDD has no test list).
      const evalFolder = c.preset.startsWith('audio-digits') ? testRecordings(folder, join(dir, `${c.preset}-${c.split}-test`), 'heldOut' in c ? { speaker: c.heldOut } : {}) : folder;
      const ev = cli('eval', '--model', model, '--data', evalFolder, '--json');
      expect(ev.code, ev.err).toBe(0);
      const scored = JSON.parse(ev.out) as Metrics & { samples: number };
      expect(scored.samples).toBe(c.test);
      expect(scored.accuracy).toBe(final.accuracy);
    });
});
