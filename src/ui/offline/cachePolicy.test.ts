import { describe, expect, it } from 'vitest';
import { cacheNameFor, isPageMessage, routeRequest, staleCaches, withIsolationHeaders } from './cachePolicy.ts';

const scope = 'http://127.0.0.1:4184/';

describe('the offline worker’s cache policy', () => {
  it('answers same-origin GETs from the cache (a navigation with index.html) and leaves other requests to the network', () => {
    expect(routeRequest({ method: 'GET', url: `${scope}?test#lesson=x`, mode: 'navigate' }, scope)).toEqual({ kind: 'page' });
    expect(routeRequest({ method: 'GET', url: `${scope}assets/sim.worker-a.js`, mode: 'same-origin' }, scope)).toEqual({ kind: 'file' });
    expect(routeRequest({ method: 'POST', url: `${scope}api`, mode: 'cors' }, scope)).toEqual({ kind: 'pass' });
    expect(routeRequest({ method: 'GET', url: 'https://example.org/data.csv', mode: 'cors' }, scope)).toEqual({ kind: 'pass' });
  });

  it('deletes only earlier versions of its own cache when a new version takes over', () => {
    const names = [cacheNameFor('old1'), cacheNameFor('new'), 'someone-elses-cache', cacheNameFor('old2')];
    expect(staleCaches(names, 'new')).toEqual([cacheNameFor('old1'), cacheNameFor('old2')]);
  });

  it('adds COOP/COEP to an answer that lacks them, keeping status, type and body', async () => {
    const bare = new Response('<html>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    const out = withIsolationHeaders(bare);
    expect(out.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(out.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(out.headers.get('Content-Type')).toBe('text/html');
    expect(await out.text()).toBe('<html>');
  });

  it('returns an answer that already carries them as it is (no copy of a large wasm file)', () => {
    const isolated = new Response('x', { headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } });
    expect(withIsolationHeaders(isolated)).toBe(isolated);
  });

  it('accepts only its own messages from a page', () => {
    expect(isPageMessage({ type: 'spikelab-offline-status' })).toBe(true);
    expect(isPageMessage({ type: 'spikelab-take-over' })).toBe(true);
    expect(isPageMessage({ type: 'other' })).toBe(false);
    expect(isPageMessage(null)).toBe(false);
  });
});
