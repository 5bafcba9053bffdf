/** How many engine threads a host should start, and the sentence the page shows about it. */
export interface ThreadPlan {
  readonly threads: number;
  readonly reason: string;
}

/**
 * Threads for the wasm engine in a browser. Engine threads share their slice buffers
 * (SharedArrayBuffer), which browsers allow only on a cross-origin isolated page (COOP/COEP
 * headers); without it the engine runs on one thread and says why. One core left to the page and
 * the raster is not worth keeping: the engine threads do not block the UI thread either way.
 */
export function planBrowserThreads(host: { readonly isolated: boolean; readonly cores: number | undefined }, max = 4): ThreadPlan {
  if (!host.isolated) {
    return { threads: 1, reason: 'one thread: the page is not cross-origin isolated (the server does not send the COOP/COEP headers, README "Hosting"), so engine threads cannot share memory' };
  }
  const cores = host.cores ?? 1;
  if (cores < 2) return { threads: 1, reason: 'one thread: this device reports a single core' };
  const threads = Math.min(cores, max);
  return { threads, reason: `${threads} Web Workers (batch split between them; ${cores} cores reported)` };
}
