import { parentPort } from 'node:worker_threads';
import { loadKernel } from '../core/engine/kernels/kernelModule.ts';
import { serveW3Part } from '../core/bench/w3Threads.ts';
import { kernelBytes } from './kernelFile.ts';

const port = parentPort;
if (!port) throw new Error('w3WorkerMain.ts runs inside a worker thread only');
const bytes = await kernelBytes();
// Exit code 70 (EX_SOFTWARE) is what the crash test expects to read back.
port.on('message', serveW3Part(async () => (await loadKernel(bytes)).exports, (reply, transfer) => port.postMessage(reply, transfer), () => process.exit(70), () => performance.now()));
port.postMessage({ ready: true });
