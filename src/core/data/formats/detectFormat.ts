import { DataFormatError } from '../../errors.ts';

/** File formats the workbench reads. */
export type FileFormat = 'wfdb-header' | 'wfdb-data' | 'wfdb-annotations' | 'edf' | 'bdf' | 'nmnist' | 'aedat2' | 'aedat3' | 'wav' | 'idx' | 'csv';

const startsWith = (b: Uint8Array, s: string) => s.split('').every((c, i) => b[i] === c.charCodeAt(0));

/**
 * Tells the format of a file from its first bytes, falling back to its extension (WFDB data and
 * annotation files and N-MNIST have no magic). AEDAT 4 and unknown files get a clear error.
 */
export function detectFormat(bytes: Uint8Array, name: string): FileFormat {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (startsWith(bytes, '#!AER-DAT4')) throw new DataFormatError(name, 'version line', 0, 'AEDAT 4 (LZ4-compressed FlatBuffers) is not supported yet; export the recording as AEDAT 3.1 from DV');
  if (startsWith(bytes, '#!AER-DAT3.1')) return 'aedat3';
  if (startsWith(bytes, '#!AER-DAT2.0')) return 'aedat2';
  if (startsWith(bytes, 'RIFF') && startsWith(bytes.subarray(8), 'WAVE')) return 'wav';
  if (bytes[0] === 0xff && startsWith(bytes.subarray(1), 'BIOSEMI')) return 'bdf';
  if (startsWith(bytes, '0       ') && bytes.length >= 256) return 'edf';
  if ((bytes[0] === 0x1f && bytes[1] === 0x8b) || ext === 'idx1-ubyte' || ext === 'idx3-ubyte' || /ubyte/.test(name)) return 'idx';
  if (ext === 'hea') return 'wfdb-header';
  if (ext === 'dat') return 'wfdb-data';
  if (['atr', 'qrs', 'ecg', 'event', 'ann'].includes(ext)) return 'wfdb-annotations';
  if (ext === 'bin' || ext === 'bs2') return 'nmnist';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  throw new DataFormatError(name, 'format', 0, `unknown file type '.${ext}' (supported: WFDB .hea/.dat/.atr, EDF/BDF, N-MNIST .bin/.bs2, AEDAT 2.0/3.1, WAV, IDX, CSV/TSV)`);
}
