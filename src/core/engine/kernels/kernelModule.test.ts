import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kernelBytes } from '../../../cli/kernelFile.ts';
import { loadKernel } from './kernelModule.ts';

// The browser's way in (fetch a URL) exercised with Node's own fetch against a local server.
let bytes: Uint8Array;
let server: Server;
let base = '';
beforeAll(async () => {
  bytes = await kernelBytes();
  server = createServer((req, res) => {
    if (req.url === '/spikeKernels.wasm') res.writeHead(200, { 'content-type': 'application/wasm' }).end(bytes);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('loadKernel', () => {
  it('instantiates the same kernel from bytes, from a URL and from a module compiled before', async () => {
    const fromBytes = await loadKernel(bytes);
    const fromUrl = await loadKernel({ url: `${base}/spikeKernels.wasm` });
    const fromModule = await loadKernel({ module: fromUrl.module });
    for (const k of [fromBytes, fromUrl, fromModule]) {
      // Four neurons, one above threshold after β·0 + I: lifBatch returns the spike count.
      const at = Math.ceil(k.exports.heapBase() / 16) * 16;
      k.exports.memory.grow(1);
      const f = new Float32Array(k.exports.memory.buffer, at, 12);
      f.set([0, 0, 0, 0, 0, 0, 0, 0, 0.5, 1.5, 1, 2]);
      expect(k.exports.lifBatch(at, at + 16, at + 32, 4, 0.9, 1, 0)).toBe(2);
      expect(Array.from(f.subarray(4, 8))).toEqual([0, 1, 0, 1]);
    }
  });

  it('names the fix when the URL does not serve the kernel or the bytes are not one', async () => {
    await expect(loadKernel({ url: `${base}/missing.wasm` })).rejects.toThrow(/HTTP 404.*build:kernels/);
    await expect(loadKernel(new Uint8Array([0, 97, 115, 109, 9, 9]))).rejects.toMatchObject({ code: 'engine_failed' });
  });
});
