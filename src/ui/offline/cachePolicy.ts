/**
 * The service worker's decisions, kept apart from its event wiring so they can be tested in Node:
 * which cache a version uses, which requests the cache answers, and the isolation headers a cached
 * answer must carry.
 */

/** Every cache this site's worker makes starts with this; other caches on the origin are left alone. */
export const CACHE_PREFIX = 'spikelab-offline-';

export const cacheNameFor = (version: string): string => `${CACHE_PREFIX}${version}`;

/** Caches of earlier builds, which a new version deletes when it takes over. */
export const staleCaches = (names: readonly string[], version: string): string[] => names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== cacheNameFor(version));

/**
 * The isolation SharedArrayBuffer needs (the same two headers vite.config.ts serves). A response the
 * worker answers with replaces the network's, so it must carry them itself: a page or a worker
 * script answered without them would lose cross-origin isolation, and with it the threaded engines.
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** How the worker treats a request: from the cache (a file, or index.html for a page), or left to the browser. */
export type RequestRoute = { readonly kind: 'page' } | { readonly kind: 'file' } | { readonly kind: 'pass' };

/** Same-origin GETs inside the worker's scope are answered from the cache first; everything else goes to the network untouched. */
export function routeRequest(req: { readonly method: string; readonly url: string; readonly mode: string }, scope: string): RequestRoute {
  if (req.method !== 'GET' || !req.url.startsWith(scope)) return { kind: 'pass' };
  return req.mode === 'navigate' ? { kind: 'page' } : { kind: 'file' };
}

/** The response with the isolation headers added where missing; opaque responses (no readable headers) pass as they are. */
export function withIsolationHeaders(res: Response): Response {
  if (res.type === 'opaque' || res.type === 'opaqueredirect' || res.type === 'error') return res;
  const missing = Object.entries(ISOLATION_HEADERS).filter(([k]) => !res.headers.has(k));
  // A response straight from the cache or network is returned as it is when it already has them:
  // rebuilding it would cost a copy of every wasm file on each load.
  if (missing.length === 0 && !res.redirected) return res;
  const headers = new Headers(res.headers);
  for (const [k, v] of missing) headers.set(k, v);
  // Rebuilt responses also drop `redirected`, which a browser refuses for a navigation answer.
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

/** Messages between the page (offlineClient.ts) and the worker. */
export type PageToWorker = { readonly type: 'spikelab-offline-status' } | { readonly type: 'spikelab-take-over' };
export interface CacheReport {
  readonly version: string;
  /** Files the build lists. */
  readonly total: number;
  /** Of those, how many the cache holds. */
  readonly cached: number;
}

export function isPageMessage(data: unknown): data is PageToWorker {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as { type?: unknown }).type;
  return type === 'spikelab-offline-status' || type === 'spikelab-take-over';
}
