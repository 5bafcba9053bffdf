import type { IdxRecord } from '../formats/idxReader.ts';

/** A labelled grey-level image with pixels scaled to [0, 1] (for rate or latency coding). */
export interface ImageSample {
  readonly label: number;
  readonly height: number;
  readonly width: number;
  readonly pixels: Float32Array;
}

/** Pairs an IDX3 image array with an IDX1 label array (MNIST layout) into labelled samples. */
export function imageSamples(images: IdxRecord, labels: IdxRecord, limit = Infinity): ImageSample[] {
  const [count = 0, height = 0, width = 0] = images.dims;
  if (images.dims.length !== 3) throw new Error(`${images.file} is not an image array (dims ${images.dims.join(' × ')})`);
  if (labels.dims.length !== 1 || labels.dims[0] !== count) throw new Error(`${labels.file} has ${labels.dims.join(' × ')} labels for ${count} images`);
  const n = Math.min(count, limit);
  const size = height * width;
  return Array.from({ length: n }, (_, i) => ({
    label: labels.data[i] as number,
    height,
    width,
    pixels: Float32Array.from(images.data.subarray(i * size, (i + 1) * size), (v) => v / 255),
  }));
}
