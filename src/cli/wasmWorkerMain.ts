import { parentPort } from 'node:worker_threads';
import { createEngine } from '../core/engine/index.ts';
import { servePartRequests } from '../core/engine/split/threadEngine.ts';
import { warmUpEngine } from '../core/engine/split/warmUp.ts';
import { kernelBytes } from './kernelFile.ts';

const port = parentPort;
if (!port) throw new Error('wasmWorkerMain.ts runs inside a worker thread only');
const engine = await createEngine('wasm', { kernel: await kernelBytes() });
// Compiled before the first run, not beside it (warmUp.ts).
await warmUpEngine(engine);
// Exit code 70 (EX_SOFTWARE) is what the crash test expects to read back.
port.on('message', servePartRequests(engine, (reply, transfer) => port.postMessage(reply, transfer), () => process.exit(70)));
port.postMessage({ ready: true });
