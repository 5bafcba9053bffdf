import type { Presence } from '../host/capabilities.ts';

/** How many engine threads a host should start, and the sentence the page shows about it. */
export interface ThreadPlan {
  readonly threads: number;
  readonly reason: string;
}

/**
 * Threads for the kernels in a browser. Engine threads share their buffers (SharedArrayBuffer),
 * which browsers allow only on a cross-origin isolated page (COOP/COEP headers), and not always
 * then (WebKitGTK withholds it): `sharedMemory` is the probe's answer (host/capabilities.ts), and
 * without it the kernel runs on one thread and says why. One core is left to the page, so the raster and the
 * curves stay fluid while a job runs: a 2-core device runs one thread.
 */
export function planBrowserThreads(host: { readonly isolated: boolean; readonly sharedMemory: Presence; readonly cores: number | undefined }, max = 4): ThreadPlan {
  if (!host.isolated) {
    return { threads: 1, reason: 'the page is not cross-origin isolated (the server does not send the COOP/COEP headers, README "Hosting"), so threads cannot share memory' };
  }
  if (host.sharedMemory !== true) return { threads: 1, reason: `the page is cross-origin isolated, yet threads cannot share memory in this browser (${host.sharedMemory})` };
  if (host.cores === undefined) return { threads: 1, reason: 'this browser does not report its cores' };
  const cores = host.cores;
  if (cores < 3) return { threads: 1, reason: `this device reports ${cores === 1 ? 'a single core' : '2 cores, and one is left to the page'}` };
  const threads = Math.min(cores - 1, max);
  return { threads, reason: `${threads} threads (${cores} cores reported, one left to the page)` };
}
