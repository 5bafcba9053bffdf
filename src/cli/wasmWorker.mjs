// Entry of a wasm engine thread (wasmThreads.ts): registers tsx so the TypeScript core loads as
// is, like bin.mjs does for the command.
import { register } from 'tsx/esm/api';

register();
await import('./wasmWorkerMain.ts');
