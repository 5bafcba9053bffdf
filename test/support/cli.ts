import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The `spikelab` command of this checkout. */
export const BIN = join(import.meta.dirname, '..', '..', 'src', 'cli', 'bin.mjs');

/** Runs `spikelab ARGS…` in a child process: exit code, stdout and stderr. */
export function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 600_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
