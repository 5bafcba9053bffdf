import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { stop } from './firefoxBidi.ts';
import { pageResult, pageScript, type PageDriver } from './pageDriver.ts';

/** Debian's WebKitGTK WebDriver (package webkit2gtk-driver), or WEBKIT_DRIVER_PATH. */
export const WEBKIT_DRIVER_PATH = process.env['WEBKIT_DRIVER_PATH'] ?? '/usr/bin/WebKitWebDriver';
/** The X server the browser draws into (package xvfb): WebKitGTK's MiniBrowser has no headless mode. */
export const XVFB_PATH = '/usr/bin/Xvfb';

/**
 * Starts Xvfb and WebKitWebDriver, which launches WebKitGTK's MiniBrowser, and drives its one tab
 * over W3C WebDriver (plain HTTP with fetch: the few commands a smoke test needs).
 */
export async function launchWebKit(): Promise<PageDriver> {
  const { proc: xvfb, display } = await startXvfb();
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DISPLAY: display } });
  try {
    return await connect(`http://127.0.0.1:${port}`, driver, xvfb);
  } catch (e) {
    // Processes that started but could not be driven are not left running.
    await stop(driver);
    await stop(xvfb);
    throw e;
  }
}

/**
 * The longest WebKitWebDriver may take over one command before the test fails naming it: a hung
 * command (the browser blocked, the driver lost) would otherwise wait for the suite's limit. Each
 * is the driver's own timeout for that kind of command plus a margin to report it itself.
 */
export const COMMAND_LIMIT_MS = { script: 70_000, navigate: 70_000, other: 30_000 } as const;
/** The driver-side timeouts the limits above leave room for. */
const DRIVER_TIMEOUTS = { script: 60_000, pageLoad: 60_000 } as const;

const limitOf = (path: string): number => (/\/execute\//.test(path) ? COMMAND_LIMIT_MS.script : /\/url$/.test(path) ? COMMAND_LIMIT_MS.navigate : COMMAND_LIMIT_MS.other);

/** One W3C WebDriver command: its value, or an error naming the command. */
export type WebDriverCall = (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) => Promise<unknown>;

/** Sends commands to the driver at `base`; each fails naming itself when it errs or outlasts `limitFor(path)` ms. */
export function webDriverCaller(base: string, limitFor: (path: string) => number = limitOf): WebDriverCall {
  return async (method, path, body) => {
    const limit = limitFor(path);
    const signal = AbortSignal.timeout(limit);
    try {
      const res = await fetch(base + path, { method, signal, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const json = (await res.json()) as { value: unknown };
      if (!res.ok) throw new Error(`WebKitWebDriver ${method} ${path}: ${JSON.stringify(json.value).slice(0, 800)}`);
      return json.value;
    } catch (e) {
      if (signal.aborted) throw new Error(`WebKitWebDriver ${method} ${path} did not answer within ${limit / 1000} s: the browser or the driver hangs`);
      throw e;
    }
  };
}

async function connect(base: string, driver: ChildProcess, xvfb: ChildProcess): Promise<PageDriver> {
  const call = webDriverCaller(base);
  await until(async () => (await fetch(`${base}/status`)).ok, 'WebKitWebDriver to listen');
  const session = (await call('POST', '/session', { capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { args: ['--automation'] } } } })) as {
    sessionId: string;
    capabilities: { browserName: string; browserVersion: string };
  };
  const s = `/session/${session.sessionId}`;
  // Each script the tests run is short (waitInPage polls); a page load may wait for a cold worker.
  await call('POST', `${s}/timeouts`, DRIVER_TIMEOUTS);
  return {
    version: `${session.capabilities.browserName} (WebKitGTK) ${session.capabilities.browserVersion}`,
    async goto(url) {
      await call('POST', `${s}/url`, { url });
    },
    async evaluate(fn, arg) {
      const script = `const done = arguments[0]; ${pageScript(fn.toString(), arg)}.then(done);`;
      return pageResult(await call('POST', `${s}/execute/async`, { script, args: [] }), 'WebKit');
    },
    async close() {
      await call('DELETE', s).catch(() => undefined);
      await stop(driver);
      await stop(xvfb);
    },
  };
}

/** Xvfb on a display number it picks itself (-displayfd), so parallel runs never collide. */
function startXvfb(): Promise<{ proc: ChildProcess; display: string }> {
  if (!existsSync(XVFB_PATH)) throw new Error(`no Xvfb at ${XVFB_PATH}: install Debian's xvfb package`);
  const proc = spawn(XVFB_PATH, ['-displayfd', '3', '-screen', '0', '1400x900x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdio[3]?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve({ proc, display: `:${out.trim()}` });
    });
    proc.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it reported its display`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no free port'))));
    });
  });
}

async function until(ok: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    if (await ok().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
