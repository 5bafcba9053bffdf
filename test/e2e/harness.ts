import { chromium, type Browser, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

/** Flags for Debian's Chromium as root in a container, with WebGL through SwiftShader. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** A built app served by vite preview on a free loopback port, and a headless Chromium. */
export interface E2eEnv {
  readonly url: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * The built app registers an offline service worker (src/ui/offline). Playwright's page.route does
 * not see the requests a service worker makes, and a worker answering from its cache would hide
 * what a test serves or cuts; so every context this browser opens blocks service workers unless
 * its options say `serviceWorkers: 'allow'` (test/e2e/offline.e2e.ts).
 */
function blockServiceWorkersByDefault(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  browser.newPage = (options = {}) => newPage({ serviceWorkers: 'block', ...options });
  return browser;
}

/** Serves the app the e2e project's global setup built (test/e2e/buildOnce.ts) and launches Chromium. */
export async function startE2e(): Promise<E2eEnv> {
  const server: PreviewServer = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const browser = blockServiceWorkersByDefault(await chromium.launch({ executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS }));
  return {
    url: `http://127.0.0.1:${address.port}/`,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}

/** Opens the app with test hooks and collects console errors and page errors. */
export async function openApp(env: E2eEnv, query = '?test'): Promise<{ page: Page; errors: string[] }> {
  const page = await env.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.url + query);
  return { page, errors };
}

/** Waits until a run finished and returns the total spike count shown. */
export async function waitForRun(page: Page, previous?: number): Promise<number> {
  await page.waitForFunction(
    (prev) => {
      const status = document.querySelector('[data-testid="run-status"]')?.textContent;
      const total = document.querySelector('[data-testid="total-spikes"]')?.textContent;
      return status === 'done' && total !== undefined && total !== null && (prev === null || Number(total) !== prev);
    },
    previous ?? null,
    { timeout: 60_000 },
  );
  return Number(await page.textContent('[data-testid="total-spikes"]'));
}

/** Counts canvas pixels that are not transparent. */
export async function paintedPixels(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (c) => {
    const canvas = c as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0) return 0;
    const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if ((d[i] ?? 0) > 0) n++;
    return n;
  });
}

/** Clicks a node of the graph so the inspector shows its fields (`<node>-<field>` test ids). */
export async function inspectNode(page: Page, name: string): Promise<void> {
  await page.click(`[data-testid="node-${name}"]`);
  await page.waitForSelector(`[data-testid="inspector"][aria-label="Inspector: ${name}"]`, { timeout: 10_000 });
}

/** Types training sizes into the training panel's fields (`train-<key>`), committing each with Enter as a user would. */
export async function setTrainFields(page: Page, fields: Readonly<Partial<Record<'epochs' | 'beats' | 'per-class', string>>>): Promise<void> {
  for (const [key, value] of Object.entries(fields)) {
    await page.fill(`[data-testid="train-${key}"]`, value);
    await page.press(`[data-testid="train-${key}"]`, 'Enter');
  }
}

/** Presses Train and waits for the test set's confusion matrix (training and scoring done). */
export async function trainToConfusion(page: Page): Promise<void> {
  await page.click('[data-testid="train-button"]');
  await page.waitForSelector('[data-testid="confusion"]', { timeout: 240_000 });
}

/** Types a value into the first LIF layer's threshold field and commits it (Enter), as a user would. */
export async function setThreshold(page: Page, value: string): Promise<void> {
  // The inspector shows lif1 until another node is clicked.
  if (!(await page.$('[data-testid="lif1-threshold"]'))) await inspectNode(page, 'lif1');
  await page.fill('[data-testid="lif1-threshold"]', value);
  await page.press('[data-testid="lif1-threshold"]', 'Enter');
}

/** Drops files made in the test (name and bytes) on the drop zone as a browser does: a drop event with a DataTransfer. */
export async function dropBytes(page: Page, files: readonly { name: string; bytes: Uint8Array }[]): Promise<void> {
  const encoded = files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64') }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name));
    }
    document.querySelector('[data-testid="drop-zone"]')?.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, encoded);
}

/**
 * The bench page (test/bench/browser) on a vite dev server, which sends the COOP/COEP headers, and
 * a Chromium to open it: the browser thread checks run there. `benchUrl(only)` is the page running
 * that check.
 */
export async function startBenchPage(): Promise<{ readonly browser: Browser; benchUrl(only: string): string; close(): Promise<void> }> {
  const { createServer } = await import('vite');
  const server = await createServer({ logLevel: 'warn', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  const port = (server.httpServer?.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  return {
    browser,
    benchUrl: (only) => `http://127.0.0.1:${port}/test/bench/browser/bench.html?only=${only}`,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

