import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, HAVE_DATA } from '../support/sharedData.ts';

const BIN = join(import.meta.dirname, '..', '..', 'src', 'cli', 'bin.mjs');
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe.skipIf(!HAVE_DATA)('spikelab inspect on real files', () => {
  it('prints one JSON object per record: WFDB by its .hea with annotation counts, EDF, N-MNIST and IDX', () => {
    const r = cli('inspect', join(DATA_DIR, 'mitdb/100.hea'), join(DATA_DIR, 'eeg/physionet-eegmmidb/S001R03.edf'), join(DATA_DIR, 'dvs/nmnist/slayerPytorch-NMNISTsmall/60001.bs2'), join(DATA_DIR, 'mnist/t10k-images-idx3-ubyte.gz'), '--json');
    expect(r.code).toBe(0);
    const [wfdb, edf, dvs, idx] = JSON.parse(r.out) as Record<string, unknown>[];
    expect(wfdb).toMatchObject({ format: 'wfdb', channels: 2, sampling_hz: 360, samples: 650000, annotations: { N: 2239, A: 33, V: 1, '+': 1 } });
    expect(wfdb?.['file']).toMatch(/100\.hea$/);
    expect((wfdb?.['duration_s'] as number) - 650000 / 360).toBeCloseTo(0, 6);
    expect(edf).toMatchObject({ format: 'edf', channels: 64, sampling_hz: 160, samples: 20000, duration_s: 125, annotations: { T0: 15, T1: 8, T2: 7 } });
    expect(dvs).toMatchObject({ format: 'nmnist', events: 3330, width: 34, height: 34, t_first_us: 5087, t_last_us: 307827 });
    expect(idx).toMatchObject({ format: 'idx', images: 10000 });
  });

  it('exits 2 naming file, field and byte offset for a bad file, and explains AEDAT 4', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spikelab-inspect-'));
    const bad = join(dir, 'bad.edf');
    writeFileSync(bad, '0       ' + ' '.repeat(300));
    const r = cli('inspect', bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.edf: header bytes at byte 184/);
    const a4 = cli('inspect', join(DATA_DIR, 'dvs/aedat4/tonic/sample.aedat4'));
    expect(a4.code).toBe(2);
    expect(a4.err).toMatch(/AEDAT 4 .*not supported yet/);
    expect(cli('inspect').code).toBe(2);
  });
});
