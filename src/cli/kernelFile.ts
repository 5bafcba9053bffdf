import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** The kernels' folder: AssemblyScript sources in assembly/, build settings in asconfig.json. */
const KERNEL_DIR = resolve(import.meta.dirname, '..', 'core', 'engine', 'kernels');

/** The built kernel (gitignored; made by `npm run build:kernels` or on demand here). */
export const KERNEL_WASM = join(KERNEL_DIR, 'build', 'spikeKernels.wasm');

/** Newest modification time of the kernel sources and their build settings, ms. */
function sourcesMtime(): number {
  const dir = join(KERNEL_DIR, 'assembly');
  const files = [join(KERNEL_DIR, 'asconfig.json'), ...readdirSync(dir).map((f) => join(dir, f))];
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

/**
 * Builds the kernel with AssemblyScript (a devDependency) when the .wasm is missing or older than
 * its sources, so a fresh clone, or an edited kernel, never runs a stale or absent binary. The
 * compiler runs in a child process: it needs over 1 GB, which would otherwise show up in the peak
 * memory that `spikelab bench` reports.
 */
export function ensureKernelWasm(): string {
  if (existsSync(KERNEL_WASM) && statSync(KERNEL_WASM).mtimeMs >= sourcesMtime()) return KERNEL_WASM;
  const asc = join(dirname(createRequire(import.meta.url).resolve('assemblyscript/package.json')), 'bin', 'asc.js');
  // Written aside, then renamed: parallel test files or threads that build at once never read a
  // half-written module.
  const tmp = `${KERNEL_WASM}.${process.pid}.${Date.now()}.tmp`;
  mkdirSync(dirname(KERNEL_WASM), { recursive: true });
  const r = spawnSync(process.execPath, [asc, '--config', join(KERNEL_DIR, 'asconfig.json'), '--target', 'release', '--outFile', tmp], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the wasm kernel failed (run \`npm run build:kernels\`): ${r.stderr || r.error?.message}`);
  renameSync(tmp, KERNEL_WASM);
  return KERNEL_WASM;
}

/** The kernel's bytes for `createEngine('wasm', { kernel })`, built first if needed. */
export async function kernelBytes(): Promise<Uint8Array> {
  return new Uint8Array(readFileSync(ensureKernelWasm()));
}
