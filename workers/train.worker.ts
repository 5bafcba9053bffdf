import { expose } from 'comlink';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import kernelUrl from '../src/core/engine/kernels/build/spikeKernels.wasm?url';
import { registerErrorTransfer } from './api.ts';
import { TFJS_THREADED_BUILD } from './tfjsThreadedBuild.ts';
import { createTrainApi } from './trainApi.ts';
import { browserTrainingThreads } from './bpttThreads.ts';

registerErrorTransfer();
expose(
  createTrainApi({
    wasmPaths: { 'tfjs-backend-wasm.wasm': wasmPlain, 'tfjs-backend-wasm-simd.wasm': wasmSimd, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded },
    // Spikelab's BPTT kernel, built by `npm run build:kernels` (trains supported networks).
    kernel: { url: kernelUrl },
    tfjsThreadedBuild: TFJS_THREADED_BUILD,
    // Data-parallel on Web Workers when the page is cross-origin isolated (workers/browserThreads.ts).
    threads: browserTrainingThreads,
  }),
);
