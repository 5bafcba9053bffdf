import { expect, it } from 'vitest';
import { selectBackend } from './backend.ts';

// tfjs answers a backend that fails to start with `false` and tells why only in a warning, which
// production mode silences: the engine line must carry that reason, not a bare "failed to initialise".
it('names why tfjs-wasm failed to start when its binaries are missing, and runs on cpu', async () => {
  const choice = await selectBackend('wasm', 'file:///nonexistent-spikelab-wasm-dir/');
  expect(choice.backend).toBe('cpu');
  expect(choice.reason).toMatch(/^cpu: fallback \(wasm unavailable: failed to initialise: \S.+\)/);
  expect(choice.reason).toContain('nonexistent-spikelab-wasm-dir');
});
