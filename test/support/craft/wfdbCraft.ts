/**
 * Builders of small WFDB records (format 16) for tests: a header whose checksums and initial values
 * are those of the samples given, unless the caller overrides them to lie.
 */

/** One signal: its digital samples and, to lie, the checksum the header should claim. */
export interface WfdbSignalCraft {
  readonly samples: readonly number[];
  readonly description: string;
  readonly checksum?: number;
}

/** The record: its name, sampling frequency field (as text, to write absurd ones) and signals. */
export interface WfdbCraft {
  readonly name: string;
  readonly samplingHz?: string;
  readonly signals: readonly WfdbSignalCraft[];
}

/** The 16-bit signed sum of samples, as header(5) defines a signal's checksum. */
export function checksum16(samples: readonly number[]): number {
  const sum = samples.reduce((a, v) => (a + v) & 0xffff, 0);
  return sum > 0x7fff ? sum - 0x10000 : sum;
}

/** `name.hea` and `name.dat` (format 16, the signals interleaved) of a record built from `spec`. */
export function craftWfdb(spec: WfdbCraft): { hea: Uint8Array; dat: Uint8Array } {
  const n = spec.signals[0]?.samples.length ?? 0;
  const lines = [`${spec.name} ${spec.signals.length} ${spec.samplingHz ?? '250'} ${n}`];
  for (const s of spec.signals) lines.push(`${spec.name}.dat 16 200/mV 16 0 ${s.samples[0] ?? 0} ${s.checksum ?? checksum16(s.samples)} 0 ${s.description}`);
  const hea = new TextEncoder().encode(lines.join('\n') + '\n');
  const dat = new Uint8Array(2 * n * spec.signals.length);
  const view = new DataView(dat.buffer);
  for (let t = 0; t < n; t++) spec.signals.forEach((s, c) => view.setInt16(2 * (t * spec.signals.length + c), s.samples[t] ?? 0, true));
  return { hea, dat };
}
