/**
 * The offline worker (built to dist/sw.js by vite.config.ts's precache plugin, which defines
 * __SPIKELAB_PRECACHE__: every file of that build and its version). Installing stores every file;
 * afterwards every same-origin GET is answered from the cache first (a page gets the cached
 * index.html), and the network only when the cache lacks it, so a classroom with a bad network
 * still runs once each browser has loaded the site.
 *
 * Versions: a new build has a new version, so its sw.js differs and the browser installs it beside
 * the old one. It waits (the open tabs keep running the old build, whose lazily loaded chunks only
 * the old cache still has) and takes over when every tab of the old version is closed, or at once
 * when a tab asks it to ('spikelab-take-over': the "new version" button, which then reloads the
 * page). On taking over it deletes the old build's cache.
 */
import type { PrecacheManifest } from './precacheManifest.ts';
import { cacheNameFor, isPageMessage, routeRequest, staleCaches, withIsolationHeaders, type CacheReport } from './cachePolicy.ts';

declare const __SPIKELAB_PRECACHE__: PrecacheManifest;

/** The parts of ServiceWorkerGlobalScope used here (the app's tsconfig has the DOM library, not WebWorker's). */
interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(answer: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}
interface WorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (e: ExtendableMessageEvent) => void): void;
}

const scope = self as unknown as WorkerScope;
const manifest = __SPIKELAB_PRECACHE__;
const cacheName = cacheNameFor(manifest.version);
const scopeUrl = scope.registration.scope;
const indexUrl = new URL('index.html', scopeUrl).href;

scope.addEventListener('install', (e) => {
  // cache: 'reload' skips the HTTP cache, so an old copy of a file never enters a new version's cache.
  // addAll stores all or nothing: a version is active only once every file is here.
  e.waitUntil(caches.open(cacheName).then((cache) => cache.addAll(manifest.files.map((f) => new Request(new URL(f, scopeUrl), { cache: 'reload' })))));
});

scope.addEventListener('activate', (e) => {
  // The new version takes over here: the old builds' caches go, and the open pages (the first
  // visit's included) are served by this worker from now on.
  e.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(staleCaches(names, manifest.version).map((n) => caches.delete(n))))
      .then(() => scope.clients.claim()),
  );
});

async function fromCacheFirst(request: Request, key: Request | string): Promise<Response> {
  const cache = await caches.open(cacheName);
  // ignoreVary: servers (vite preview among them) answer `Vary: Origin`, and the page's module and
  // font requests carry an Origin header the install's requests did not; a build's file is the same
  // bytes whoever asks, so the URL alone is the key.
  const hit = await cache.match(key, { ignoreVary: true });
  return withIsolationHeaders(hit ?? (await fetch(request)));
}

scope.addEventListener('fetch', (e) => {
  const route = routeRequest(e.request, scopeUrl);
  if (route.kind === 'pass') return;
  e.respondWith(fromCacheFirst(e.request, route.kind === 'page' ? indexUrl : e.request));
});

async function report(): Promise<CacheReport> {
  const cache = await caches.open(cacheName);
  const held = new Set((await cache.keys()).map((r) => r.url));
  const cached = manifest.files.filter((f) => held.has(new URL(f, scopeUrl).href)).length;
  return { version: manifest.version, total: manifest.files.length, cached };
}

scope.addEventListener('message', (e) => {
  if (!isPageMessage(e.data)) return;
  if (e.data.type === 'spikelab-take-over') {
    e.waitUntil(scope.skipWaiting());
    return;
  }
  const port = e.ports[0];
  if (port) e.waitUntil(report().then((r) => port.postMessage(r)));
});
