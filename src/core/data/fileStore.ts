import { fileChecksum } from './checksum.ts';
import type { FileResolver } from './fileSources.ts';
import { loadFiles, type DataRecord, type NamedBytes } from './formats/loadFiles.ts';
import { summarize, type RecordSummary } from './formats/summarize.ts';
import { AAMI_OF_SYMBOL } from './datasets/aami.ts';

/** What the page learns about a loaded record (small and serialisable: no sample arrays). */
export interface LoadedRecord {
  readonly name: string;
  readonly checksum: string;
  readonly kind: 'signal' | 'events' | 'images';
  /** Channel names (signals), e.g. ['MLII', 'V5']. */
  readonly channels: readonly string[];
  readonly summary: RecordSummary;
  /** Labelled-sample counts where the file defines classes: AAMI beat classes of a WFDB record. */
  readonly classCounts?: Readonly<Record<string, number>>;
  /** The first images of an image file (IDX), row-major bytes, for a thumbnail view. */
  readonly preview?: { readonly count: number; readonly height: number; readonly width: number; readonly pixels: Uint8Array };
}

/** Parsed files by checksum, as the worker keeps them between runs. */
export interface FileStore extends FileResolver {
  /** Parses files dropped together (WFDB triples matched by record name) and keeps the records. */
  add(files: readonly NamedBytes[], options?: { csvSamplingHz?: number; onFile?: (done: number, total: number) => void }): LoadedRecord[];
  list(): LoadedRecord[];
}

function describe(r: DataRecord, checksum: string): LoadedRecord {
  const summary = summarize(r);
  const kind = 'p' in r ? 'events' : r.format === 'idx' ? 'images' : 'signal';
  const channels = r.format === 'edf' || r.format === 'bdf' ? r.signals.map((s) => s.label) : 'signal' in r ? [...r.signal.channels] : [];
  const base = { name: r.file, checksum, kind, channels, summary } as const;
  if (r.format === 'wfdb') {
    const counts: Record<string, number> = {};
    for (const a of r.annotations) {
      const c = AAMI_OF_SYMBOL[a.symbol];
      if (c) counts[c] = (counts[c] ?? 0) + 1;
    }
    return { ...base, classCounts: counts };
  }
  if (r.format === 'idx' && r.dims.length === 3) {
    const [n = 0, height = 0, width = 0] = r.dims;
    const count = Math.min(16, n);
    return { ...base, preview: { count, height, width, pixels: r.data.slice(0, count * height * width) } };
  }
  return base;
}

/**
 * Creates a file store. A record's checksum is that of the file that names it (a WFDB record's
 * .hea concatenated checksum with its .dat, so another recording under the same name differs).
 */
export function createFileStore(): FileStore {
  const records = new Map<string, { record: DataRecord; loaded: LoadedRecord }>();
  return {
    add(files, options = {}) {
      const byName = new Map(files.map((f) => [f.name, f.bytes]));
      return loadFiles(files, options).map((record) => {
        const own = byName.get(record.file) ?? new Uint8Array();
        const data = record.format === 'wfdb' ? [...new Set(record.header.signals.map((s) => s.file))].map((n) => byName.get(n) ?? byName.get(record.file.replace(/[^/\\]*$/, '') + n)) : [];
        const checksum = [own, ...data.filter((d): d is Uint8Array => d !== undefined)].map(fileChecksum).join('+');
        const loaded = describe(record, checksum);
        records.set(checksum, { record, loaded });
        return loaded;
      });
    },
    list: () => [...records.values()].map((r) => r.loaded),
    get: (checksum) => records.get(checksum)?.record,
  };
}
