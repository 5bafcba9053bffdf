/**
 * A sampled multi-channel signal (ECG, EEG, audio), interleaved `values[t·channels + c]`, in
 * physical units. The common currency between data sources and encoders.
 */
export interface Signal {
  readonly samplingHz: number;
  readonly channels: readonly string[];
  /** Physical unit of every channel, e.g. 'mV'. */
  readonly unit: string;
  /** Samples per channel. */
  readonly length: number;
  readonly values: Float32Array;
  /** Annotated events (e.g. R peaks with beat codes), sample index and symbol. */
  readonly annotations: readonly SignalAnnotation[];
}

/** One annotation: position in samples and a short symbol (WFDB beat code such as 'N' or 'V'). */
export interface SignalAnnotation {
  readonly sample: number;
  readonly symbol: string;
}

/** Values of one channel as a new array. */
export function channelValues(signal: Signal, channel: number): Float32Array {
  const out = new Float32Array(signal.length);
  const c = signal.channels.length;
  for (let t = 0; t < signal.length; t++) out[t] = signal.values[t * c + channel] as number;
  return out;
}
