import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { damagedCopies, type ProbeCase, type ProbeCategory, type ProbeContext } from './probeCase.ts';

/**
 * Damaged copies of the real files in the shared data folder: truncations, bit flips in the
 * header and anywhere, random bytes. Skipped, with a message, when the folder is absent.
 */

/** Real files to damage: path under the data folder, the header length to aim flips at, and whether WFDB companions come along. */
const REAL_FILES: readonly { readonly path: string; readonly header: number }[] = [
  { path: 'eeg/physionet-eegmmidb/S001R03.edf', header: 256 * 66 },
  { path: 'eeg/pyedflib/test_utf8.edf', header: 1024 },
  { path: 'eeg/mne-python/test.bdf', header: 256 * 74 },
  { path: 'eeg/wfdb-python/test_edfann.edf', header: 512 },
  { path: 'audio/fsdd/recordings/0_george_0.wav', header: 44 },
  { path: 'mnist/t10k-labels-idx1-ubyte.gz', header: 20 },
  { path: 'mnist/t10k-images-idx3-ubyte.gz', header: 20 },
  { path: 'dvs/dvsgesture/user01_natural_labels.csv', header: 40 },
  { path: 'dvs/nmnist/tonic/sample_nmnist.bin', header: 0 },
  { path: 'dvs/aedat2/tonic/sample_aedat_header.aedat', header: 512 },
];

function realCases(ctx: ProbeContext): ProbeCase[] {
  const dir = ctx.dataDir;
  if (!dir) {
    console.warn('probe: SKIP real-data cases: the shared data folder is absent (set SPIKELAB_DATA)');
    return [];
  }
  const cases: ProbeCase[] = [];
  const inspect = (file: string) => (at: (n: string) => string) => ['inspect', at(file)];
  for (const { path, header } of REAL_FILES) {
    const full = join(dir, path);
    if (!existsSync(full)) continue;
    const name = path.split('/').pop() ?? path;
    cases.push(...damagedCopies('real', name, new Uint8Array(readFileSync(full)), ctx.rng.fork(path), header, inspect(name)));
  }
  // A WFDB record: the .hea damaged beside an intact .dat and .atr, and the .dat and .atr damaged beside an intact .hea.
  const rec = join(dir, 'mitdb', '100');
  if (existsSync(`${rec}.hea`)) {
    const hea = new Uint8Array(readFileSync(`${rec}.hea`));
    const dat = new Uint8Array(readFileSync(`${rec}.dat`));
    const atr = new Uint8Array(readFileSync(`${rec}.atr`));
    const args = (at: (n: string) => string) => ['inspect', at('100.hea')];
    for (const [part, bytes, header] of [['hea', hea, hea.length], ['dat', dat, 0], ['atr', atr, 16]] as const) {
      for (const c of damagedCopies('real', `mitdb 100.${part}`, bytes, ctx.rng.fork(part), header, args, `100.${part}`)) {
        cases.push({ ...c, files: { '100.hea': hea, '100.dat': dat, '100.atr': atr, ...c.files } });
      }
    }
  }
  return cases;
}

/** The real-data category. */
export const REAL_DATA_CATEGORY: ProbeCategory = { name: 'real', generate: realCases };
