import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initWeights } from '../../src/core/network/weights.ts';
import { encodeWorkspaceLink } from '../../src/core/share/linkCodec.ts';
import { nirFromHdf5Bytes } from '../../src/core/share/nir/nirHdf5.ts';
import { nirToWorkspace } from '../../src/core/share/nir/nirWorkspace.ts';
import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import { openApp, setThreshold, startE2e, waitForRun, type E2eEnv } from './harness.ts';

const preset = parseWorkspace(JSON.parse(readFileSync(new URL('../../public/presets/default.workspace.json', import.meta.url), 'utf8')));
// A name that would run script if any view rendered it as HTML.
const HOSTILE_NAME = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

let env: E2eEnv;
beforeAll(async () => {
  env = await startE2e();
});
afterAll(async () => {
  await env?.close();
});

/** Opens a URL in a fresh browser context (no shared storage), collecting uncaught page errors. */
async function openFresh(url: string): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors, close: () => context.close() };
}

/** Opens the Share dialog from the keyboard and reads the link it offers and what it says of weights. */
async function shareLink(page: Page): Promise<{ url: string; weights: string }> {
  await page.focus('[data-testid="share-button"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="share-dialog"][open]');
  // The worker encodes the link; its field takes the focus when it arrives.
  await page.waitForSelector('[data-testid="share-url"]');
  await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset['testid'] === 'share-url');
  expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['testid'])).toBe('share-url');
  const url = await page.inputValue('[data-testid="share-url"]');
  const weights = (await page.textContent('[data-testid="share-weights"]')) ?? '';
  console.log(`share dialog: ${await page.textContent('[data-testid="share-size"]')} · ${weights}`);
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="share-dialog"]', { state: 'detached' });
  return { url, weights };
}

describe('share links in Chromium', () => {
  it('a shared edited workspace opens in a fresh context with the same parameter and the same spikes', async () => {
    const { page, errors } = await openApp(env);
    const base = await waitForRun(page);
    await setThreshold(page, '0.8');
    const authorSpikes = await waitForRun(page, base);
    const { url } = await shareLink(page);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#w=v1\./);
    const t0 = Date.now();
    const receiver = await openFresh(url);
    const receiverSpikes = await waitForRun(receiver.page);
    console.log(`link of ${url.length} characters opened and simulated in ${Date.now() - t0} ms: ${receiverSpikes} spikes (author ${authorSpikes}, default ${base})`);
    expect(receiverSpikes).toBe(authorSpikes);
    expect(await receiver.page.inputValue('[data-testid="lif1-threshold"]')).toBe('0.8');
    expect(await receiver.page.getAttribute('[data-testid="link-notice"]', 'data-stage')).toBe('opened');
    // The fragment is dropped once opened, so a reload does not re-open the link over later edits.
    expect(await receiver.page.evaluate(() => location.hash)).toBe('');
    expect(receiver.errors).toEqual([]);
    expect(errors).toEqual([]);
    await receiver.close();
    await page.close();
  });

  it('refuses corrupt and truncated links with their stage, opening on the default workspace', async () => {
    const { fragment } = encodeWorkspaceLink(preset);
    const mid = Math.floor(fragment.length / 2);
    const flipped = fragment.slice(0, mid) + [...fragment.slice(mid, mid + 6)].map((c) => (c === 'A' ? 'B' : 'A')).join('') + fragment.slice(mid + 6);
    const reference = await openFresh(env.url);
    const defaultSpikes = await waitForRun(reference.page);
    await reference.close();
    for (const [what, bad] of [['flipped', flipped], ['truncated', fragment.slice(0, fragment.length - 25)], ['bad base64', 'w=v1.***'], ['future version', 'w=v7.AAAA']] as const) {
      const r = await openFresh(`${env.url}#${bad}`);
      expect(await waitForRun(r.page), what).toBe(defaultSpikes);
      const notice = r.page.locator('[data-testid="link-notice"]');
      expect(await notice.getAttribute('role'), what).toBe('alert');
      console.log(`${what}: ${await notice.textContent()}`);
      expect(await notice.textContent(), what).toMatch(/^This link was not opened \((size|prefix|version|base64|inflate|container|json|workspace|weights)\): /);
      expect(r.errors, what).toEqual([]);
      await r.close();
    }
  });

  it('renders a script-bearing workspace name as text and runs no script', async () => {
    const hostile = parseWorkspace({ ...structuredClone(preset), name: HOSTILE_NAME });
    const r = await openFresh(`${env.url}#${encodeWorkspaceLink(hostile).fragment}`);
    await waitForRun(r.page);
    expect(await r.page.textContent('[data-testid="link-notice"]')).toContain(HOSTILE_NAME);
    expect(await r.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await r.page.locator('img[src="x"]').count()).toBe(0);
    expect(r.errors).toEqual([]);
    await r.close();
  });

  it('opens links pasted while the page is open, and keeps the workspace when one is refused', async () => {
    const { page, errors } = await openApp(env);
    const base = await waitForRun(page);
    await setThreshold(page, '0.8');
    const edited = await waitForRun(page, base);
    await page.evaluate(() => void (location.hash = '#w=v1.AAAAAAAA'));
    await page.waitForSelector('[data-testid="link-notice"][role="alert"]');
    expect(await page.inputValue('[data-testid="lif1-threshold"]')).toBe('0.8');
    expect(Number(await page.textContent('[data-testid="total-spikes"]'))).toBe(edited);
    // A link carrying trained weights (seeded, as a colleague's training would leave them).
    const withWeights = encodeWorkspaceLink(preset, initWeights(preset.network, 5), { weightBits: 8 });
    expect(withWeights.weightsIncluded).toBe(true);
    await page.evaluate((f) => void (location.hash = `#${f}`), withWeights.fragment);
    await page.waitForSelector('[data-testid="link-notice"][data-stage="opened"]');
    expect(await page.textContent('[data-testid="link-notice"]')).toContain('8-bit');
    expect(await page.inputValue('[data-testid="lif1-threshold"]')).toBe('1');
    const trained = await waitForRun(page, edited);
    console.log(`hashchange link with weights: ${withWeights.chars} characters, ${trained} spikes`);
    // Shared again from the page, the weights travel on, exactly (float32) since the link fits.
    const again = await shareLink(page);
    expect(again.weights).toMatch(/^Trained weights included exactly \(float32\)/);
    const receiver = await openFresh(again.url);
    expect(await waitForRun(receiver.page)).toBe(trained);
    await receiver.close();
    await page.click('text=Undo');
    await expect.poll(() => page.inputValue('[data-testid="lif1-threshold"]')).toBe('0.8');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a saved workspace file opens in a fresh context with the same spikes; a hostile file changes nothing', async () => {
    const { page, errors } = await openApp(env);
    const base = await waitForRun(page);
    await setThreshold(page, '0.8');
    const authorSpikes = await waitForRun(page, base);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="save-workspace"]')]);
    const path = await download.path();
    expect(download.suggestedFilename()).toMatch(/\.workspace\.json$/);
    const receiver = await openFresh(env.url);
    const receiverBase = await waitForRun(receiver.page);
    await receiver.page.setInputFiles('[data-testid="workspace-input"]', path);
    expect(await waitForRun(receiver.page, receiverBase)).toBe(authorSpikes);
    expect(await receiver.page.inputValue('[data-testid="lif1-threshold"]')).toBe('0.8');
    const hostile = JSON.stringify({ format: 'spikelab-workspace', version: 1, workspace: { ...structuredClone(preset), name: HOSTILE_NAME, seed: -1 } });
    await receiver.page.setInputFiles('[data-testid="workspace-input"]', { name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from(hostile) });
    await expect.poll(() => receiver.page.textContent('[data-testid="workspace-file-message"]')).toMatch(/^evil\.json was not opened \(seed: /);
    expect(await receiver.page.inputValue('[data-testid="lif1-threshold"]')).toBe('0.8');
    expect(receiver.errors).toEqual([]);
    expect(errors).toEqual([]);
    await receiver.close();
    await page.close();
  });

  it('exports the network as NIR and imports it back in a fresh context with the same spikes; library files import, others are refused by name', async () => {
    const { page, errors } = await openApp(env);
    const base = await waitForRun(page);
    await setThreshold(page, '0.8');
    const authorSpikes = await waitForRun(page, base);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="nir-export"]')]);
    expect(download.suggestedFilename()).toMatch(/\.nir$/);
    const path = await download.path();
    const bytes = readFileSync(path);
    // HDF5 signature, and NIR's layout as the core reads it in Node.
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);
    const graph = await nirFromHdf5Bytes(new Uint8Array(bytes), 'exported.nir');
    const edited = structuredClone(preset.network);
    const lif1 = edited.layers.find((l) => l.name === 'lif1');
    if (lif1?.kind === 'spiking' && lif1.neuron.model === 'lif') lif1.neuron.threshold = 0.8;
    expect(nirToWorkspace(graph).workspace.network).toEqual(edited);
    expect(await page.textContent('[data-testid="nir-message"]')).toMatch(/^saved .*\.nir: Input → .*seed’s untrained weights/);
    const receiver = await openFresh(env.url);
    const receiverBase = await waitForRun(receiver.page);
    await receiver.page.setInputFiles('[data-testid="nir-input"]', { name: download.suggestedFilename(), mimeType: 'application/x-hdf5', buffer: bytes });
    expect(await waitForRun(receiver.page, receiverBase)).toBe(authorSpikes);
    expect(await receiver.page.inputValue('[data-testid="lif1-threshold"]')).toBe('0.8');
    await expect.poll(() => receiver.page.textContent('[data-testid="nir-message"]')).toMatch(/^imported .*\.nir as ‘ECG level-crossing demo’ with its weights/);
    // A Norse file and the recurrent snnTorch Braille reader import as new workspaces; a LIF with v_leak is refused by name; bytes that are not HDF5 too.
    await receiver.page.setInputFiles('[data-testid="nir-input"]', new URL('../fixtures/nir/lif_norse.nir', import.meta.url).pathname);
    await expect.poll(() => receiver.page.textContent('[data-testid="nir-message"]')).toMatch(/^imported lif_norse\.nir as ‘lif_norse’/);
    await waitForRun(receiver.page);
    await receiver.page.setInputFiles('[data-testid="nir-input"]', new URL('../fixtures/nir/braille_noDelay_noBias_subtract.nir', import.meta.url).pathname);
    await expect.poll(() => receiver.page.textContent('[data-testid="nir-message"]')).toMatch(/^imported braille_noDelay_noBias_subtract\.nir as /);
    await waitForRun(receiver.page);
    await receiver.page.setInputFiles('[data-testid="nir-input"]', new URL('../fixtures/nir/two_lif_neurons.nir', import.meta.url).pathname);
    await expect.poll(() => receiver.page.textContent('[data-testid="nir-message"]')).toMatch(/^two_lif_neurons\.nir was not imported: .*v_leak.*; the workspace is unchanged/);
    await receiver.page.setInputFiles('[data-testid="nir-input"]', { name: 'junk.nir', mimeType: 'application/octet-stream', buffer: Buffer.from('not an hdf5 file at all') });
    await expect.poll(() => receiver.page.textContent('[data-testid="nir-message"]')).toMatch(/^junk\.nir was not imported: /);
    expect(receiver.errors).toEqual([]);
    expect(errors).toEqual([]);
    await receiver.close();
    await page.close();
  });

  it('copies the link to the clipboard, or selects it for Ctrl+C when the clipboard is refused', async () => {
    const { page, errors } = await openApp(env);
    await waitForRun(page);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
    await page.click('[data-testid="share-button"]');
    const url = await page.inputValue('[data-testid="share-url"]');
    await page.click('[data-testid="share-copy"]');
    await expect.poll(() => page.textContent('[data-testid="share-copy-status"]')).not.toBe('');
    const status = await page.textContent('[data-testid="share-copy-status"]');
    if (status === 'Copied.') expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    else expect(await page.evaluate(() => window.getSelection()?.toString() || (document.activeElement as HTMLInputElement | null)?.value)).toBe(url);
    console.log(`copy: ${status}`);
    await page.click('text=Close');
    await page.waitForSelector('[data-testid="share-dialog"]', { state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a link to a workspace on a dropped file names the file and its checksum to drop', async () => {
    const nmnist = parseWorkspace(JSON.parse(readFileSync(new URL('../../public/presets/dvs-nmnist.workspace.json', import.meta.url), 'utf8')));
    const r = await openFresh(`${env.url}#${encodeWorkspaceLink(nmnist).fragment}`);
    await r.page.waitForSelector('[data-testid="link-files"] li');
    expect(await r.page.textContent('[data-testid="link-files"]')).toBe('60001.bs2 (crc32:b4414a91:16650): drop it in the Data panel');
    expect(r.errors).toEqual([]);
    await r.close();
  });
});
