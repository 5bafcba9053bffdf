import { describe, expect, it } from 'vitest';
import { DataFormatError } from '../../src/core/errors.ts';
import { loadFiles, type NamedBytes } from '../../src/core/data/formats/loadFiles.ts';
import { createRng, type Rng } from '../../src/core/rng.ts';
import { dataFile, HAVE_DATA } from '../support/sharedData.ts';

/** A damaged copy: truncated, bytes flipped, or bytes overwritten near the start (headers). */
function mutate(bytes: Uint8Array, rng: Rng): Uint8Array {
  const kind = rng.int(3);
  if (kind === 0) return bytes.slice(0, rng.int(bytes.length));
  const out = bytes.slice();
  const n = 1 + rng.int(8);
  for (let i = 0; i < n; i++) {
    const at = kind === 1 ? rng.int(out.length) : rng.int(Math.min(out.length, 512));
    out[at] = rng.int(256);
  }
  return out;
}

/** Parses; anything but success or DataFormatError fails the test with the case that caused it. */
function parsesOrRefuses(files: NamedBytes[], label: string): 'ok' | 'refused' {
  try {
    loadFiles(files, { csvSamplingHz: 100 });
    return 'ok';
  } catch (e) {
    if (e instanceof DataFormatError) return 'refused';
    throw new Error(`${label}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
}

const CASES: [string, string[], number][] = [
  ['WFDB header + annotations (record 100)', ['mitdb/100.hea', 'mitdb/100.dat', 'mitdb/100.atr'], 60],
  ['EDF+ with UTF-8 annotations', ['eeg/pyedflib/test_utf8.edf'], 60],
  ['EDF+ annotations only', ['eeg/wfdb-python/test_edfann.edf'], 60],
  ['BDF', ['eeg/mne-python/test_bdf_stim_channel.bdf'], 60],
  ['N-MNIST', ['dvs/nmnist/slayerPytorch-NMNISTsmall/1.bs2'], 80],
  ['WAV', ['audio/fsdd/recordings/7_george_32.wav'], 80],
  ['gzipped IDX labels', ['mnist/t10k-labels-idx1-ubyte.gz'], 60],
  ['AEDAT 2.0 header', ['dvs/aedat2/tonic/sample_aedat_header.aedat'], 60],
];

describe.skipIf(!HAVE_DATA)('every reader on damaged real files', () => {
  it.each(CASES)('%s: each mutation parses or throws DataFormatError, nothing else', (label, paths, rounds) => {
    const originals = paths.map((p) => ({ name: p.split('/').pop() ?? p, bytes: dataFile(p) }));
    const rng = createRng(2026, label);
    const outcomes = { ok: 0, refused: 0 };
    for (let i = 0; i < rounds; i++) {
      // Damage one file of the set at a time (for WFDB: header, data or annotations).
      const target = rng.int(originals.length);
      const files = originals.map((f, k) => (k === target ? { name: f.name, bytes: mutate(f.bytes, rng) } : f));
      outcomes[parsesOrRefuses(files, `${label} round ${i}`)]++;
    }
    expect(outcomes.ok + outcomes.refused).toBe(rounds);
    // Damage must actually be noticed sometimes, or the mutations test nothing.
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
