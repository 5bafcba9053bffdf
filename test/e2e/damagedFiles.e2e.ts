import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { craftWfdb } from '../support/craft/wfdbCraft.ts';
import { glide, pcm16Wav } from '../support/wavFile.ts';
import { dropBytes, openApp, startE2e, waitForRun, type E2eEnv } from './harness.ts';

let env: E2eEnv | undefined;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

// Crafted, so the test needs no real data: 4 s of a 250 Hz record with one byte of its .dat
// flipped, and 1.2 s of 8 kHz audio cut to its first 0.4 s.
const samples = Array.from({ length: 1000 }, (_, t) => Math.round(200 * Math.sin(t / 10)));
const rec = craftWfdb({ name: 'damaged', signals: [{ samples, description: 'MLII' }] });
const dat = rec.dat.slice();
dat[101] = (dat[101] as number) ^ 0x01; // the high byte of sample 50: it moves by 256
const wav = pcm16Wav(glide(300, 900, 1.2, 8000), 8000).slice(0, 44 + 6400);

describe('damaged files dropped on the page', () => {
  it('are loaded, and the file list says what is wrong with each: a WFDB checksum mismatch, a WAV cut short', async () => {
    if (!env) throw new Error('no browser');
    const { page, errors } = await openApp(env);
    await waitForRun(page);
    await dropBytes(page, [
      { name: 'damaged.hea', bytes: rec.hea },
      { name: 'damaged.dat', bytes: dat },
      { name: 'cut.wav', bytes: wav },
    ]);
    await expect.poll(() => page.textContent('[data-testid="file-status"]'), { timeout: 30_000 }).toMatch(/loaded damaged\.hea, cut\.wav/);
    const warnings = async () => page.$$eval('[data-testid="record-list"] .record-warning', (els) => els.map((e) => e.textContent ?? ''));
    await expect.poll(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^warning \(checksum mismatch\): damaged\.hea: signal 0 \(MLII\) checksum at byte \d+: the header's checksum is -?\d+ but the 1000 samples in damaged\.dat sum to -?\d+/),
        expect.stringMatching(/^warning \(data cut short\): cut\.wav: data chunk at byte 6444: the data chunk declares 19200 bytes but only 6400 are present \(file cut short\): 3200 frames \(0\.400 s\)/),
      ]),
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
