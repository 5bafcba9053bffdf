// Spikelab's WebAssembly SIMD kernels (built by `npm run build:kernels`). The module owns no
// objects: the host lays out every buffer in linear memory and passes byte offsets, so the same
// .wasm serves Node and the browser and can later share one memory between threads.

export { denseBatch, denseEventsBatch, denseScratchBytes } from './dense';
export { lifBatch, lifBatchEvents } from './neurons';
export { scanEvents } from './events';
export { addInto } from './gather';

/** First byte the host may use (after the module's own static data and stack). */
export function heapBase(): usize {
  return __heap_base;
}
export { sparsePartAdd, sparsePartStep, sparsePartUpdate, sparseStep } from './sparse';
export { adamUpdate, bpttBackwardStep, bpttForward, bpttLayerWords } from './bptt';
export { bpttDenseGradients } from './bpttDenseGradients';
export { poolEvents, unpoolGradient } from './convBptt';
export { convBatch, convScratchBytes, poolBatch } from './convForward';
