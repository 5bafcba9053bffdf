import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageResult, pageScript, type PageDriver } from './pageDriver.ts';

/** Debian's Firefox ESR (package firefox-esr), or FIREFOX_PATH. */
export const FIREFOX_PATH = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';

/** How long one BiDi command may take: a page evaluation polls and returns at once. */
const COMMAND_MS = 30_000;

interface BidiReply {
  readonly id?: number;
  readonly type?: string;
  readonly result?: Record<string, unknown>;
  readonly error?: string;
  readonly message?: string;
}

/**
 * Starts a headless Firefox on a fresh profile and drives its one tab over WebDriver BiDi, which
 * Firefox speaks natively (no geckodriver, no browser download). Node 20 needs
 * --experimental-websocket for the WebSocket client (vite.config.ts sets it for the e2e project).
 */
export async function launchFirefox(): Promise<PageDriver> {
  const profile = mkdtempSync(join(tmpdir(), 'spikelab-firefox-'));
  const proc = spawn(FIREFOX_PATH, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    return await connect(proc, profile);
  } catch (e) {
    // A browser that started but could not be driven is not left running.
    await stop(proc);
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
}

async function connect(proc: ChildProcess, profile: string): Promise<PageDriver> {
  const wsUrl = await bidiAddress(proc);
  const socket = new WebSocket(`${wsUrl}/session`);
  await new Promise<void>((resolve, reject) => {
    socket.onopen = () => resolve();
    socket.onerror = () => reject(new Error(`could not connect to Firefox's WebDriver BiDi at ${wsUrl}`));
  });
  let next = 1;
  const logs: string[] = [];
  const pending = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  socket.onmessage = (ev: MessageEvent<string>) => {
    const msg = JSON.parse(ev.data) as BidiReply & { method?: string; params?: { level?: string; text?: string } };
    if (msg.method === 'log.entryAdded' && msg.params?.level === 'error') logs.push(msg.params.text ?? '');
    const p = msg.id === undefined ? undefined : pending.get(msg.id);
    if (!p || msg.id === undefined) return;
    pending.delete(msg.id);
    if (msg.type === 'error') p.reject(new Error(`WebDriver BiDi: ${msg.error}: ${msg.message}`));
    else p.resolve(msg.result ?? {});
  };
  // A command Firefox never answers (a page whose main thread is stuck) fails after `ms`, naming
  // the command, instead of holding the test until its own limit.
  const send = (method: string, params: Record<string, unknown>, ms = COMMAND_MS) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`WebDriver BiDi: ${method} not answered within ${ms} ms${typeof params['expression'] === 'string' ? ` (${params['expression'].slice(0, 200)})` : ''}`));
      }, ms);
      pending.set(id, {
        resolve: (r) => (clearTimeout(timer), resolve(r)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      socket.send(JSON.stringify({ id, method, params }));
    });
  const session = await send('session.new', { capabilities: {} });
  const caps = session['capabilities'] as { browserName: string; browserVersion: string };
  // Console errors and uncaught exceptions of the page and its workers, as a test reads them.
  await send('session.subscribe', { events: ['log.entryAdded'] });
  const tree = await send('browsingContext.getTree', {});
  const context = (tree['contexts'] as { context: string }[])[0]?.context;
  if (!context) throw new Error('Firefox has no tab to drive');
  return {
    version: `${caps.browserName} ${caps.browserVersion}`,
    errors: logs,
    async goto(url) {
      await send('browsingContext.navigate', { context, url, wait: 'complete' }, 60_000);
    },
    async evaluate(fn, arg) {
      const r = await send('script.evaluate', { expression: pageScript(fn.toString(), arg), target: { context }, awaitPromise: true, resultOwnership: 'none' });
      if (r['type'] === 'exception') throw new Error(`Firefox: the script failed: ${JSON.stringify(r['exceptionDetails'])}`);
      return pageResult((r['result'] as { value?: unknown }).value, 'Firefox');
    },
    async close() {
      await send('session.end', {}).catch(() => undefined);
      socket.close();
      await stop(proc);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Firefox prints "WebDriver BiDi listening on ws://…" on stderr once it accepts connections. */
function bidiAddress(proc: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start WebDriver BiDi within 60 s: ${err.slice(-500)}`)), 60_000);
    proc.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(err);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.on('exit', (code) => reject(new Error(`Firefox exited (${code}) before WebDriver BiDi started: ${err.slice(-500)}`)));
  });
}

/** Ends a browser process and waits for it; it is killed if it does not leave within 10 s. */
export function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    proc.on('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    proc.kill('SIGTERM');
  });
}
