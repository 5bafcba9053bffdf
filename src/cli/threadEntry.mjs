// Entry of every Node worker thread (nodeThreads.ts): registers tsx so the TypeScript core loads
// as is, like bin.mjs does for the command, then runs the module the thread was started for.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
