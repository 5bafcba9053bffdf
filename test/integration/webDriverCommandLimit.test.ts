import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { webDriverCaller } from '../support/browsers/webkitWebDriver.ts';

// The WebKit WebDriver client against a real HTTP server that answers one path and leaves the
// other hanging, as a blocked WebKitWebDriver does: the hung command fails within its limit,
// naming itself, instead of holding the test until the suite's limit.
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/status') res.end(JSON.stringify({ value: { ready: true } }));
    // else: never answered
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const a = server.address();
  base = `http://127.0.0.1:${a && typeof a === 'object' ? a.port : 0}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

it('returns the value of a command that answers', async () => {
  expect(await webDriverCaller(base, () => 2_000)('GET', '/status')).toEqual({ ready: true });
});

it('fails a command that never answers within its limit, naming it', async () => {
  const t0 = Date.now();
  await expect(webDriverCaller(base, () => 300)('POST', '/session/s1/execute/async', { script: '' })).rejects.toThrow(
    'WebKitWebDriver POST /session/s1/execute/async did not answer within 0.3 s: the browser or the driver hangs',
  );
  expect(Date.now() - t0).toBeLessThan(5_000);
});
