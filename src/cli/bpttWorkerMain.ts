import { parentPort } from 'node:worker_threads';
import { loadBpttKernel } from '../core/train/bptt/bpttKernel.ts';
import { serveBpttRequests } from '../core/train/bptt/parallelBptt.ts';
import { kernelBytes } from './kernelFile.ts';

const port = parentPort;
if (!port) throw new Error('bpttWorkerMain.ts runs inside a worker thread only');
const bytes = await kernelBytes();
// Exit code 70 (EX_SOFTWARE) is what the crash test expects to read back.
port.on('message', serveBpttRequests(() => loadBpttKernel(bytes), (reply, transfer) => port.postMessage(reply, transfer), () => process.exit(70)));
port.postMessage({ ready: true });
