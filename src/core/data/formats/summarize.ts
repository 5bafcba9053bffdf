import type { DataWarning } from './dataWarnings.ts';
import type { DataRecord } from './loadFiles.ts';

/** A reader's warning as the CLI's JSON prints it (snake_case, as the CLI contract says). */
export interface WarningSummary {
  readonly code: DataWarning['code'];
  readonly file: string;
  readonly field: string;
  readonly byte_offset: number;
  readonly message: string;
}

/** What `spikelab inspect --json` prints per record (snake_case, as the CLI contract says). */
export interface RecordSummary {
  readonly file: string;
  readonly format: string;
  readonly channels: number;
  readonly sampling_hz: number | null;
  readonly samples: number;
  readonly duration_s: number;
  readonly annotations: Readonly<Record<string, number>>;
  readonly events?: number;
  readonly width?: number;
  readonly height?: number;
  readonly t_first_us?: number;
  readonly t_last_us?: number;
  readonly images?: number;
  readonly dims?: readonly number[];
  /** Damage the reader read through (empty for a clean file); the page lists them too. */
  readonly warnings: readonly WarningSummary[];
}

function countBy(xs: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

/** One summary per record: channels, rate, length, annotations, events or images, and warnings. */
export function summarize(r: DataRecord): RecordSummary {
  const warnings = (r.warnings ?? []).map((w) => ({ code: w.code, file: w.file, field: w.field, byte_offset: w.byteOffset, message: w.message }));
  return { ...contents(r), warnings };
}

function contents(r: DataRecord): Omit<RecordSummary, 'warnings'> {
  switch (r.format) {
    case 'wfdb':
    case 'wav':
    case 'csv': {
      const s = r.signal;
      const annotations = r.format === 'wfdb' ? countBy(r.annotations.map((a) => a.symbol)) : {};
      return { file: r.file, format: r.format, channels: s.channels.length, sampling_hz: s.samplingHz, samples: s.length, duration_s: s.length / s.samplingHz, annotations };
    }
    case 'edf':
    case 'bdf': {
      const rates = [...new Set(r.signals.map((s) => s.samplingHz))];
      return {
        file: r.file,
        format: r.format,
        channels: r.signals.length,
        sampling_hz: rates.length === 1 ? (rates[0] ?? null) : rates.length === 0 ? null : rates.reduce((a, b) => Math.max(a, b)),
        samples: r.signals.reduce((a, s) => Math.max(a, s.values.length), 0),
        duration_s: r.records * r.recordDurationS,
        annotations: countBy(r.annotations.map((a) => a.text)),
      };
    }
    case 'nmnist':
    case 'aedat2':
    case 'aedat3':
    case 'synthetic': {
      const n = r.t.length;
      const first = n > 0 ? (r.t[0] as number) : 0;
      const last = n > 0 ? (r.t[n - 1] as number) : 0;
      return { file: r.file, format: r.format, channels: 2, sampling_hz: null, samples: n, duration_s: (last - first) / 1e6, annotations: {}, events: n, width: r.width, height: r.height, t_first_us: first, t_last_us: last };
    }
    case 'idx':
      return { file: r.file, format: r.format, channels: 1, sampling_hz: null, samples: r.dims[0] ?? 0, duration_s: 0, annotations: {}, dims: r.dims, ...(r.dims.length === 3 ? { images: r.dims[0] ?? 0 } : {}) };
  }
}
