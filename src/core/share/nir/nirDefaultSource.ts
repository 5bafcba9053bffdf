import { shapeSize } from '../../network/shapes.ts';
import type { EncoderSpec } from '../../encoders/schema.ts';
import type { NetworkSpec } from '../../spec/network.ts';
import type { WorkspaceInput } from '../../spec/workspace.ts';

/** A data source and encoder for a network that came without one, and why they were chosen. */
export interface DefaultSource {
  readonly data: WorkspaceInput['data'];
  readonly encoder: EncoderSpec;
  readonly note: string;
}

/**
 * A built-in source whose encoded width is the network's input size, so the imported network runs
 * at once: two-channel images are event-camera input (synthetic DVS at the import's time step);
 * 1 or 2 inputs a synthetic ECG fed as current; 4–128 inputs the synthetic audio's mel bands; any
 * other even size an ECG through a level-crossing encoder (2 neurons per level). Odd sizes above
 * 128 fit no generator: the workspace then names an image file of that size for the user to drop.
 */
export function defaultSource(network: NetworkSpec, dtMs: number): DefaultSource {
  const input = network.layers[0];
  const shape = input?.kind === 'input' ? input.shape : [1];
  const n = shapeSize(input?.kind === 'input' ? input.shape : [1]);
  const direct: EncoderSpec = { kind: 'direct', gain: 1, normalize: 'minmax' };
  const [h = 0, w = 0, c = 0] = shape;
  if (shape.length === 3 && c === 2 && h >= 4 && h <= 256 && w >= 4 && w <= 256) {
    const stepUs = Math.min(100_000, dtMs * 1000);
    return {
      data: { kind: 'synthetic-dvs', scene: 'bar-right', width: w, height: h, durationMs: 300, stepUs },
      encoder: { kind: 'rate', maxProb: 0.5 },
      note: `the input [${h}, ${w}, 2] is read as an event camera: synthetic DVS scene, ${w}×${h}, one step per ${stepUs} µs`,
    };
  }
  // A synthetic ECG sampled once per step keeps the data's time on the network's (at most 2 kHz).
  const samplingHz = Math.min(2000, 1000 / dtMs);
  if (n <= 2) {
    return { data: { kind: 'synthetic-ecg', samplingHz, leads: n, durationS: 4 }, encoder: direct, note: `${n} input(s): synthetic ECG with ${n} lead(s) at ${+samplingHz.toPrecision(6)} Hz, fed as current` };
  }
  if (n >= 4 && n <= 128) {
    return { data: { kind: 'synthetic-audio', digit: 3, durationS: 0.5, bands: n }, encoder: { kind: 'direct', gain: 1, normalize: 'zscoreChannel' }, note: `${n} inputs: synthetic spoken digit through ${n} mel bands (10 ms per step), fed as current` };
  }
  if (n % 2 === 0 && n / 2 <= 1024) {
    return { data: { kind: 'synthetic-ecg', samplingHz, durationS: 4 }, encoder: { kind: 'levelCrossing', levels: n / 2 }, note: `${n} inputs: synthetic ECG at ${+samplingHz.toPrecision(6)} Hz through a level-crossing encoder with ${n / 2} levels` };
  }
  return {
    data: { kind: 'image-file', file: 'input.idx', checksum: '', width: n, height: 1, steps: 50 },
    encoder: { kind: 'rate', maxProb: 0.5 },
    note: `no built-in source gives ${n} inputs; the workspace asks for an image file of ${n}×1 pixels ('input.idx') to be dropped`,
  };
}
