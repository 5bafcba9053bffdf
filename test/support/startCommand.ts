import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** `npm start` running in its own process group, with everything it printed so far. */
export interface StartedApp {
  /** The page, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  /** Milliseconds from spawning `npm start` to the server printing its address. */
  readonly listeningAfterMs: number;
  /** stdout and stderr of `npm start` (npm, the kernel build and vite), as printed so far. */
  log(): string;
  /** The URLs `npm start` asked xdg-open to show, one a line ('' when it never tried). */
  browserOpened(): string;
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '..', '..');

/** A port nobody listens on right now (six engineers share this machine, 5173 may be taken). */
async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a !== 'string' ? ok(a.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * Runs `npm start` exactly as a newcomer does, only on a free port and with Vite's dependency
 * cache in a fresh empty folder (SPIKELAB_VITE_CACHE_DIR, read by vite.config.ts), so every run
 * is a cold first start. Resolves once vite prints its address; the folder is removed on stop.
 */
export async function startAppCold(timeoutMs: number): Promise<StartedApp> {
  const port = await freePort();
  const cacheDir = mkdtempSync(join(tmpdir(), 'spikelab-vite-cold-'));
  // A machine without a browser: this xdg-open, first on PATH, notes what it was asked to open and
  // fails the way Debian's does when no browser is installed.
  const fakeBin = mkdtempSync(join(tmpdir(), 'spikelab-no-browser-'));
  const opened = join(fakeBin, 'opened.txt');
  writeFileSync(join(fakeBin, 'xdg-open'), `#!/bin/sh\necho "$*" >> '${opened}'\necho "xdg-open: no method available for opening '$*'" >&2\nexit 3\n`);
  chmodSync(join(fakeBin, 'xdg-open'), 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${fakeBin}:${process.env['PATH'] ?? ''}`, SPIKELAB_VITE_CACHE_DIR: cacheDir, NO_COLOR: '1' };
  // A newcomer's shell has no BROWSER (BROWSER=none would hide an attempt to open one).
  delete env['BROWSER'];
  const t0 = Date.now();
  // detached: npm, sh and vite share a new process group, so stop() ends all of them and nothing else.
  const child: ChildProcess = spawn('npm', ['start', '--', '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5_000))]);
    }
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(fakeBin, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}/`;
  const listening = await new Promise<boolean>((ok) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (out.includes(`127.0.0.1:${port}`)) done(true);
      else if (child.exitCode !== null || Date.now() - started > timeoutMs) done(false);
    }, 100);
    const done = (v: boolean) => {
      clearInterval(poll);
      ok(v);
    };
  });
  if (!listening) {
    await stop();
    throw new Error(`npm start did not serve ${url} within ${timeoutMs} ms:\n${out}`);
  }
  return { url, listeningAfterMs: Date.now() - t0, log: () => out, browserOpened: () => (existsSync(opened) ? readFileSync(opened, 'utf8') : ''), stop };
}
