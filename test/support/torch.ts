import { spawnSync } from 'node:child_process';

/** The Python the PyTorch export tests run: $PYTHON, else Debian's. */
export const PYTHON = process.env['PYTHON'] ?? '/usr/bin/python3';

/** Whether that Python imports torch and numpy; the tests that need them skip (with a printed reason) when not. */
export const HAVE_TORCH = spawnSync(PYTHON, ['-c', 'import torch, numpy'], { stdio: 'ignore' }).status === 0;
if (!HAVE_TORCH) console.warn(`SKIP: ${PYTHON} cannot import torch and numpy; the PyTorch export round trip is skipped (apt-get install python3-torch python3-numpy).`);

/** Runs a command of an exported project in its folder (one thread per process: the machine is shared). */
export function runProject(dir: string, command: string, args: readonly string[], timeoutMs: number): { code: number | null; out: string; err: string; ms: number } {
  const started = Date.now();
  const r = spawnSync(command, [...args], { cwd: dir, encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, OMP_NUM_THREADS: '1' } });
  return { code: r.status, out: r.stdout ?? '', err: `${r.stderr ?? ''}${r.error ? String(r.error) : ''}`, ms: Date.now() - started };
}

/** The number after `label` in a project's output (e.g. 'first loss'), or NaN. */
export function reported(out: string, label: RegExp): number {
  const m = label.exec(out);
  return m ? Number(m[1]) : NaN;
}
