/**
 * The little a cross-browser smoke test needs from a browser: open an address, run a function in
 * the page and get its JSON-able result back, close. Firefox (WebDriver BiDi) and WebKitGTK
 * (W3C WebDriver) both implement it, so a test is written once for both.
 */
export interface PageDriver {
  /** The browser's name and version, as it reports them. */
  readonly version: string;
  /** Console errors and uncaught exceptions seen so far, where the protocol reports them (BiDi does; classic WebDriver does not). */
  readonly errors?: readonly string[];
  /** Navigates the one tab and waits for the load event. */
  goto(url: string): Promise<void>;
  /**
   * Runs `fn(arg)` in the page (it may be async) and returns its result, which must survive
   * JSON.stringify. `fn` is sent as source text, so it may use no variable from the test.
   */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  close(): Promise<void>;
}

/** The page-side wrapper: result or error as one JSON string, so both protocols carry a plain string. */
export function pageScript(fnSource: string, arg: unknown): string {
  return `(async () => { try { return JSON.stringify({ ok: await (${fnSource})(${JSON.stringify(arg ?? null)}) }); } catch (e) { return JSON.stringify({ error: String(e && e.stack || e) }); } })()`;
}

/** Reads what pageScript returned: the value, or the page's exception as a Node error. */
export function pageResult<T>(text: unknown, what: string): T {
  if (typeof text !== 'string') throw new Error(`${what}: the page returned ${JSON.stringify(text)}, not the expected string`);
  const r = JSON.parse(text) as { ok?: T; error?: string };
  if (r.error !== undefined) throw new Error(`${what}: the page threw: ${r.error}`);
  return r.ok as T;
}

/** Polls `fn` in the page until it returns a truthy value (returned) or `ms` pass (an error naming `what`). */
export async function waitInPage<T, A>(page: PageDriver, what: string, fn: (arg: A) => T | Promise<T>, arg?: A, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await page.evaluate(fn, arg);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
