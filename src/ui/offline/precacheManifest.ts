/**
 * What the service worker stores: every file of the static build, named relative to the site's
 * base, and a version that changes whenever one byte of one file does (so a new build installs a
 * new worker). Pure: the build (vite.config.ts) reads the files, this names them.
 */
export interface PrecacheManifest {
  /** Hex digest over the sorted paths and their bytes. */
  readonly version: string;
  /** Paths relative to the worker's scope, sorted: `index.html`, `assets/index-abc.js`, `presets/default.workspace.json`, … */
  readonly files: readonly string[];
}

export interface BuiltFile {
  /** Relative to the build folder, with forward slashes. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** The worker's own script: never in its cache (the browser fetches it itself to look for updates). */
export const SERVICE_WORKER_FILE = 'sw.js';

const encoder = new TextEncoder();

/** Lists and versions the build's files; throws if index.html (the page every navigation gets offline) is missing. */
export async function precacheManifest(built: readonly BuiltFile[]): Promise<PrecacheManifest> {
  const kept = built.filter((f) => f.path !== SERVICE_WORKER_FILE).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (!kept.some((f) => f.path === 'index.html')) throw new Error('the build has no index.html: the offline cache could not answer a navigation');
  const parts: Uint8Array[] = [];
  for (const f of kept) {
    // The length prefix keeps "a" + "bc" apart from "ab" + "c".
    parts.push(encoder.encode(`${f.path}\n${f.bytes.length}\n`), f.bytes);
  }
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    joined.set(p, at);
    at += p.length;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
  const version = Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
  return { version, files: kept.map((f) => f.path) };
}
