import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../src/cli/ecgRecords.ts';
import { fileChecksum } from '../../src/core/data/checksum.ts';
import type { DataWarning } from '../../src/core/data/formats/dataWarnings.ts';
import { cli } from '../support/cli.ts';
import { craftWfdb } from '../support/craft/wfdbCraft.ts';
import { glide, pcm16Wav } from '../support/wavFile.ts';

// A folder of damaged files: a record whose .dat has one flipped byte, and a WAV cut to a third.
const dir = mkdtempSync(join(tmpdir(), 'spikelab-warnings-'));
const rec = craftWfdb({ name: 'rec', signals: [{ samples: [10, 20, 30, 40], description: 'MLII' }] });
const flipped = rec.dat.slice();
flipped[2] = (flipped[2] as number) ^ 0x04; // sample 1: 20 becomes 16
writeFileSync(join(dir, 'rec.hea'), rec.hea);
writeFileSync(join(dir, 'rec.dat'), flipped);
const cut = pcm16Wav(glide(300, 900, 1.2, 8000), 8000).slice(0, 44 + 6400);
writeFileSync(join(dir, 'cut.wav'), cut);

interface Summary {
  file: string;
  warnings: { code: string; file: string; field: string; byte_offset: number; message: string }[];
}

describe('spikelab prints the damage a reader read through', () => {
  it('inspect lists each warning under its record (text) and in `warnings` (JSON), exit 0', () => {
    const json = cli('inspect', join(dir, 'rec.hea'), join(dir, 'cut.wav'), '--json');
    expect(json.code, json.err).toBe(0);
    const [wfdb, wav] = JSON.parse(json.out) as Summary[];
    expect(wfdb?.warnings).toEqual([expect.objectContaining({ code: 'checksum_mismatch', field: 'signal 0 (MLII) checksum', byte_offset: expect.any(Number) })]);
    expect(wfdb?.warnings[0]?.message).toMatch(/the header's checksum is 100 but the 4 samples in rec\.dat sum to 96/);
    expect(wav?.warnings).toEqual([expect.objectContaining({ code: 'data_truncated', field: 'data chunk', byte_offset: 44 + 6400 })]);
    const text = cli('inspect', join(dir, 'rec.hea'), join(dir, 'cut.wav'));
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/rec\.hea: wfdb.*\n  warning \(checksum mismatch\): .*rec\.hea: signal 0 \(MLII\) checksum at byte \d+: the header's checksum is 100/);
    expect(text.out).toMatch(/cut\.wav: wav.*0\.400 s\n  warning \(data cut short\): .*cut\.wav: data chunk at byte 6444: the data chunk declares 19200 bytes but only 6400 are present/);
  });

  it('simulate --data runs a workspace on a cut WAV and says so in text and JSON', { timeout: 120_000 }, () => {
    const ws = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'public', 'presets', 'default.workspace.json'), 'utf8')) as Record<string, unknown>;
    ws['data'] = { kind: 'signal-file', file: 'cut.wav', checksum: fileChecksum(cut), durationS: 0.4 };
    const wsPath = join(dir, 'cut.workspace.json');
    writeFileSync(wsPath, JSON.stringify(ws));
    const json = cli('simulate', '--workspace', wsPath, '--data', dir, '--json');
    expect(json.code, json.err).toBe(0);
    expect((JSON.parse(json.out) as Summary).warnings).toEqual([expect.objectContaining({ code: 'data_truncated', byte_offset: 6444 })]);
    const text = cli('simulate', '--workspace', wsPath, '--data', dir);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/warning \(data cut short\): .*cut\.wav: data chunk at byte 6444/);
  });

  it('inspect refuses a --csv-hz that is not a sampling rate (Infinity, 1e-300), exit 2', () => {
    writeFileSync(join(dir, 'x.csv'), '1,2\n3,4\n');
    for (const hz of ['Infinity', '1e-300']) {
      const r = cli('inspect', join(dir, 'x.csv'), '--csv-hz', hz);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/--csv-hz must be a sampling rate, got '(Infinity|1e-300)': .* Hz is (not a finite sampling rate|outside the sampling rates read)/);
    }
  });
});

describe('train and eval --data: the folder reader passes every warning on', () => {
  it('reads a folder of WAVs, one cut short, and reports that one by name', () => {
    const folder = mkdtempSync(join(tmpdir(), 'spikelab-folder-'));
    writeFileSync(join(folder, '0_a_0.wav'), pcm16Wav(glide(300, 900, 0.3, 8000), 8000));
    writeFileSync(join(folder, '1_a_0.wav'), cut);
    const seen: DataWarning[] = [];
    const data = readDataFolder(folder, (w) => seen.push(w));
    expect(data.kind === 'signals' ? data.records.map((r) => r.signal.length) : []).toEqual([2400, 3200]);
    expect(seen).toEqual([expect.objectContaining({ code: 'data_truncated', file: '1_a_0.wav', byteOffset: 6444 })]);
  });

  it('reads a folder of WFDB records and reports the damaged one', () => {
    const folder = mkdtempSync(join(tmpdir(), 'spikelab-folder-'));
    writeFileSync(join(folder, 'rec.hea'), rec.hea);
    writeFileSync(join(folder, 'rec.dat'), flipped);
    const seen: DataWarning[] = [];
    readDataFolder(folder, (w) => seen.push(w));
    expect(seen.map((w) => [w.code, w.field])).toEqual([['checksum_mismatch', 'signal 0 (MLII) checksum']]);
  });
});
