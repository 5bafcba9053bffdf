/**
 * Registers the offline worker (dist/sw.js, see serviceWorker.ts) in the built site only: under
 * `npm start` there is no sw.js, and a worker answering from a cache would hide edits. "Built" is
 * SPIKELAB_BUNDLED (vite build), not import.meta.env.PROD: the e2e tests build with Vitest's
 * NODE_ENV=test, and that build is the one the offline test must find the worker in.
 * Reports progress to offlineStatus.ts; never throws or logs, since a browser without service
 * workers (or with them blocked) runs the page as before, only not offline.
 */
import type { CacheReport, PageToWorker } from './cachePolicy.ts';
import { setOfflineStatus } from './offlineStatus.ts';

/** Asks the active worker how much of its build it holds. */
function askReport(worker: ServiceWorker): Promise<CacheReport> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e: MessageEvent<CacheReport>) => resolve(e.data);
    const message: PageToWorker = { type: 'spikelab-offline-status' };
    worker.postMessage(message, [channel.port2]);
  });
}

async function reportActive(registration: ServiceWorkerRegistration): Promise<void> {
  const active = registration.active;
  if (!active) return;
  if (!navigator.serviceWorker.controller) {
    // Activating: it claims this page next (controllerchange reports again). Activated but not in
    // control: this tab was loaded past it (a hard reload), and a normal reload uses it.
    if (active.state === 'activated') setOfflineStatus({ state: 'off', why: 'this tab was loaded past the stored site (a hard reload); a normal reload uses it' });
    return;
  }
  const r = await askReport(active);
  if (r.cached === r.total) setOfflineStatus({ state: 'ready', version: r.version, files: r.total });
  else setOfflineStatus({ state: 'failed', why: `only ${r.cached} of the ${r.total} files are stored` });
}

/** A newer build installed beside the running one: offer it (takeOver) rather than switching under the open page. */
function watchUpdates(registration: ServiceWorkerRegistration): void {
  const offerWaiting = () => {
    const waiting = registration.waiting;
    if (waiting && navigator.serviceWorker.controller) void askReport(waiting).then((r) => setOfflineStatus({ state: 'update', version: r.version, files: r.total }));
  };
  offerWaiting();
  const watchInstall = (installing: ServiceWorker | null) =>
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offerWaiting();
      // An install that failed (a file the build lists could not be stored: cache.addAll is all or
      // nothing) never activates, so `ready` would never say so: say it here.
      else if (installing.state === 'redundant' && !registration.active) setOfflineStatus({ state: 'failed', why: 'storing the site failed (a file could not be fetched or the browser refused the space)' });
    });
  watchInstall(registration.installing);
  registration.addEventListener('updatefound', () => watchInstall(registration.installing));
}

let takingOver = false;

/** Lets the waiting newer build take over, then reloads the page into it. */
export async function takeOver(): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration();
  const waiting = registration?.waiting;
  if (!waiting) return;
  takingOver = true;
  const message: PageToWorker = { type: 'spikelab-take-over' };
  waiting.postMessage(message);
}

export function registerOffline(): void {
  if (import.meta.env.SPIKELAB_BUNDLED !== true) return setOfflineStatus({ state: 'off', why: 'the development server does not store the site' });
  if (!('serviceWorker' in navigator)) return setOfflineStatus({ state: 'off', why: 'this browser has no service workers' });
  // Nothing here touches navigator.serviceWorker until the page has started: in WebKitGTK, with the
  // worker container set up at load, the page's first tfjs-wasm start failed ("failed to
  // initialise" in 3 tries of 3 in the otherBrowsers e2e, also when the registration itself waited 20 s; it started when nothing touched the container). A visit
  // the worker already serves is served by it whatever this code does; this adds the update check,
  // the status and the first visit's storing.
  window.setTimeout(() => startOffline(), START_DELAY_MS);
}

function startOffline(): void {
  const container = navigator.serviceWorker;
  // A tab that already ran under a worker must reload when a newer one takes over (asked in this tab
  // or another): the new worker deletes the old build's cache, and this tab's old code would then
  // miss its lazily loaded workers, wasm and chunks.
  const hadController = container.controller !== null;
  container.addEventListener('controllerchange', () => {
    // The first visit's worker claims the page (no reload needed).
    if (takingOver || hadController) location.reload();
    else void container.ready.then(reportActive);
  });
  const start = () => {
    setOfflineStatus({ state: 'storing' });
    // updateViaCache 'none': the browser looks for a new sw.js past its HTTP cache, so a new build is found at the next visit.
    container
      .register(`${import.meta.env.BASE_URL}sw.js`, { updateViaCache: 'none' })
      .then(async (registration) => {
        // The running version's report first: a newer build already waiting (found by the browser
        // while this page loaded) must have the last word, "New version", not be covered by "ready".
        await reportActive(await container.ready);
        watchUpdates(registration);
      })
      .catch((e: unknown) => setOfflineStatus({ state: 'off', why: e instanceof Error ? e.message : String(e) }));
  };
  start();
}

/** How long after load the page sets up its offline worker. */
const START_DELAY_MS = 20_000;
