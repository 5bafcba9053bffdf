import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { DATA_DIR, HAVE_DATA } from '../support/sharedData.ts';


/**
 * A fixed subset small enough for CI: two mostly-normal records (100, 103), one with bundle-branch
 * block beats (101 has few ectopics), and five rich in ventricular ectopy (105, 106, 119, 200, 233).
 */
const SUBSET = ['100', '101', '103', '105', '106', '119', '200', '233'];

interface Metrics {
  accuracy: number;
  per_class: Record<string, { recall: number; support: number }>;
  confusion: number[][];
}

describe.skipIf(!HAVE_DATA)('the ecg-mitbih preset on a fixed subset of MIT-BIH', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'spikelab-mitbih-'));
    for (const r of SUBSET) for (const ext of ['hea', 'dat', 'atr']) symlinkSync(join(DATA_DIR, 'mitdb', `${r}.${ext}`), join(dir, `${r}.${ext}`));
  });

  it('reaches ≥ 95 % intra-patient test accuracy in 3 epochs, and the saved model scores ≥ 95 % on every beat of the records', { timeout: 300_000 }, () => {
    const model = join(dir, 'subset.model.json');
    const t = cli('train', '--preset', 'ecg-mitbih', '--data', dir, '--split', 'intra', '--epochs', '3', '--out', model, '--json');
    expect(t.code, t.err).toBe(0);
    const lines = t.out.trim().split('\n');
    const final = JSON.parse(lines.at(-1) ?? '{}') as Metrics;
    console.log(`ecg-mitbih on ${SUBSET.length} records, 3 epochs: test accuracy ${(100 * final.accuracy).toFixed(2)} %, V recall ${(100 * (final.per_class['V']?.recall ?? 0)).toFixed(1)} % of ${final.per_class['V']?.support}`);
    // The majority class (N) is about 80 % of these beats.
    expect(final.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(final.per_class['V']?.recall).toBeGreaterThan(0.85);
    // Eval cuts every beat of the folder (train and test beats alike) exactly as training did.
    const ev = cli('eval', '--model', model, '--data', dir, '--json');
    expect(ev.code, ev.err).toBe(0);
    const all = JSON.parse(ev.out) as Metrics;
    expect(all.confusion.flat().reduce((a, b) => a + b, 0)).toBeGreaterThan(15_000);
    expect(all.accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
