import type { EdfRecord } from '../../../src/core/data/formats/edfReader.ts';
import type { EventRecord } from '../../../src/core/data/formats/eventsRecord.ts';
import type { IdxRecord } from '../../../src/core/data/formats/idxReader.ts';
import type { WfdbRecord } from '../../../src/core/data/formats/wfdbRecord.ts';
import type { DataRecord } from '../../../src/core/data/formats/loadFiles.ts';
import type { Signal } from '../../../src/core/data/signal.ts';

/**
 * What makes a parsed recording usable by the rest of Spikelab, checked on whatever a reader
 * returns from hostile input. Each problem has a stable `code`, so that a defect another helper
 * fixes can be tolerated by code (test/property/knownDefects.ts) without loosening the rest.
 */
export interface RecordProblem {
  readonly code: string;
  readonly detail: string;
}

const problem = (code: string, detail: string): RecordProblem => ({ code, detail });

/** The first index of an array-like whose value fails `ok`, or -1. */
function firstBad(values: ArrayLike<number>, ok: (v: number) => boolean): number {
  for (let i = 0; i < values.length; i++) if (!ok(values[i] as number)) return i;
  return -1;
}

/** The first index of a non-finite value, or -1 (a plain loop: records of 10^6 samples are checked on every run). */
function firstNotFinite(values: Float32Array | Float64Array): number {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v - v !== 0) return i;
  }
  return -1;
}

const isCount = (v: number) => Number.isInteger(v) && v >= 0;

/** A signal: a finite rate > 0, whole channels, every sample finite, annotations inside it. */
export function signalProblems(s: Signal): RecordProblem[] {
  const out: RecordProblem[] = [];
  if (!Number.isFinite(s.samplingHz) || s.samplingHz <= 0) out.push(problem('sampling-rate', `sampling rate ${s.samplingHz} Hz`));
  if (s.channels.length < 1) out.push(problem('channels', 'no channels'));
  if (!isCount(s.length)) out.push(problem('length', `length ${s.length}`));
  if (s.values.length !== s.length * s.channels.length) out.push(problem('shape', `${s.values.length} values for ${s.length} samples × ${s.channels.length} channels`));
  const bad = firstNotFinite(s.values);
  if (bad >= 0) out.push(problem('sample-not-finite', `value ${bad} is ${s.values[bad]}`));
  const outside = s.annotations.findIndex((a) => !isCount(a.sample) || a.sample >= Math.max(1, s.length));
  if (outside >= 0) out.push(problem('annotation-outside', `annotation ${outside} at sample ${s.annotations[outside]?.sample} of ${s.length}`));
  return out;
}

/** EDF/BDF: a positive record duration, and every signal a valid one of its own length. */
function edfProblems(r: EdfRecord): RecordProblem[] {
  const out: RecordProblem[] = [];
  // EDF+ allows a duration of 0 in a file of annotations only (no samples to time).
  const durationOk = r.recordDurationS > 0 || (r.recordDurationS === 0 && r.signals.length === 0);
  if (!Number.isFinite(r.recordDurationS) || !durationOk) out.push(problem('edf-record-duration', `record duration ${r.recordDurationS} s`));
  if (!isCount(r.records)) out.push(problem('edf-records', `${r.records} records`));
  r.signals.forEach((s, i) => {
    if (!Number.isFinite(s.samplingHz) || s.samplingHz <= 0) out.push(problem('sampling-rate', `signal ${i}: ${s.samplingHz} Hz`));
    if (s.values.length !== s.samplesPerRecord * r.records || s.digital.length !== s.values.length) out.push(problem('shape', `signal ${i}: ${s.values.length} values for ${s.samplesPerRecord} × ${r.records}`));
    const bad = firstNotFinite(s.values);
    if (bad >= 0) out.push(problem('sample-not-finite', `signal ${i} value ${bad} is ${s.values[bad]}`));
  });
  const a = r.annotations.findIndex((x) => !Number.isFinite(x.onsetS) || (x.durationS !== undefined && !(x.durationS >= 0)));
  if (a >= 0) out.push(problem('annotation-time', `annotation ${a}: onset ${r.annotations[a]?.onsetS} s`));
  return out;
}

/** Events: columns of one length, every event inside the sensor, polarity 0/1, time not going back. */
function eventProblems(e: EventRecord): RecordProblem[] {
  const out: RecordProblem[] = [];
  const n = e.t.length;
  if (!isCount(e.width) || !isCount(e.height) || e.width < 1 || e.height < 1) out.push(problem('sensor', `sensor ${e.width} × ${e.height}`));
  if (e.x.length !== n || e.y.length !== n || e.p.length !== n) out.push(problem('shape', `columns of ${e.x.length}, ${e.y.length}, ${e.p.length}, ${n}`));
  const x = firstBad(e.x, (v) => v < e.width);
  const y = firstBad(e.y, (v) => v < e.height);
  if (x >= 0 || y >= 0) out.push(problem('event-outside-sensor', `event ${Math.max(x, y)} outside ${e.width} × ${e.height}`));
  const p = firstBad(e.p, (v) => v === 0 || v === 1);
  if (p >= 0) out.push(problem('polarity', `event ${p} has polarity ${e.p[p]}`));
  const t = firstNotFinite(e.t);
  if (t >= 0) out.push(problem('time-not-finite', `event ${t} at ${e.t[t]} µs`));
  for (let i = 1; i < n; i++) {
    if ((e.t[i] as number) < (e.t[i - 1] as number)) {
      out.push(problem('time-backwards', `event ${i} at ${e.t[i]} µs after ${e.t[i - 1]} µs`));
      break;
    }
  }
  return out;
}

/** IDX: 1–4 dimensions, and exactly as many bytes as they announce. */
function idxProblems(r: IdxRecord): RecordProblem[] {
  const out: RecordProblem[] = [];
  if (r.dims.length < 1 || r.dims.length > 4 || !r.dims.every(isCount)) out.push(problem('idx-dims', `dims [${r.dims.join(', ')}]`));
  const size = r.dims.reduce((a, b) => a * b, 1);
  if (r.data.length !== size) out.push(problem('shape', `${r.data.length} bytes for [${r.dims.join(' × ')}]`));
  return out;
}

/** N-MNIST's sensor is 34 × 34: an event beyond it is damage, not a wider sensor. */
function nmnistProblems(e: EventRecord): RecordProblem[] {
  return e.width === 34 && e.height === 34 ? [] : [problem('nmnist-sensor', `sensor grew to ${e.width} × ${e.height} to hold an event beyond 34 × 34`)];
}

/** WFDB: digital signals as long as the record, and each header checksum equal to its signal's sum. */
function wfdbProblems(r: WfdbRecord): RecordProblem[] {
  const out: RecordProblem[] = [];
  r.digital.forEach((d, c) => {
    if (d.length !== r.signal.length) out.push(problem('shape', `digital signal ${c} has ${d.length} samples of ${r.signal.length}`));
    const expected = r.header.signals[c]?.checksum;
    if (expected === undefined) return;
    let sum = 0;
    for (let i = 0; i < d.length; i++) sum = (sum + (d[i] as number)) & 0xffff;
    // WFDB's checksum: the 16-bit two's-complement sum of every sample of the signal.
    // A mismatch is damage the samples read through: valid only when the record says so.
    const warned = (r.warnings ?? []).some((w) => w.code === 'checksum_mismatch' && w.field.startsWith(`signal ${c} `));
    if (((sum - expected) & 0xffff) !== 0 && !warned) out.push(problem('wfdb-checksum', `signal ${c} sums to ${sum > 32767 ? sum - 65536 : sum}, the header says ${expected}, and the record has no checksum_mismatch warning`));
  });
  return out;
}

/** Every problem of a parsed record (empty: the record is valid). One checker per format family. */
export function recordProblems(r: DataRecord): RecordProblem[] {
  switch (r.format) {
    case 'wfdb':
      return [...signalProblems(r.signal), ...wfdbProblems(r)];
    case 'wav':
    case 'csv':
      return signalProblems(r.signal);
    case 'edf':
    case 'bdf':
      return edfProblems(r);
    case 'nmnist':
      return [...eventProblems(r), ...nmnistProblems(r)];
    case 'aedat2':
    case 'aedat3':
    case 'synthetic':
      return eventProblems(r);
    case 'idx':
      return idxProblems(r);
  }
}
