import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, type Connect, type Plugin } from 'vite';
import { precacheManifest, SERVICE_WORKER_FILE } from './src/ui/offline/precacheManifest.ts';
import { defineConfig } from 'vitest/config';

// Cross-origin isolation (COOP/COEP) lets workers share memory and lets tfjs load its threaded
// wasm build; static hosts must send the same two headers (README, "Hosting").
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * WebKitGTK (2.50) fails a module worker, with a bare error event and no message, when a script of
 * its module graph comes back as "304 Not Modified" from a revalidation (measured: the same worker
 * started in a loop failed every second or third time, always when a 304 was among its requests;
 * with conditional requests from workers answered in full, 10 of 10 started and the page ran). Under `npm start`
 * every module is its own request revalidated with an ETag, so the simulation worker died at the
 * first run. Scripts a worker fetches are therefore answered in full (dev server and preview).
 */
const answerWorkerScriptsInFull = (): Plugin => {
  const dropConditionals: Connect.NextHandleFunction = (req, _res, next) => {
    const dest = req.headers['sec-fetch-dest'];
    if (dest === 'worker' || dest === 'sharedworker') {
      delete req.headers['if-none-match'];
      delete req.headers['if-modified-since'];
    }
    next();
  };
  return {
    name: 'spikelab:answer-worker-scripts-in-full',
    configureServer: (server) => void server.middlewares.use(dropConditionals),
    configurePreviewServer: (server) => void server.middlewares.use(dropConditionals),
  };
};

/**
 * The offline worker (src/ui/offline/serviceWorker.ts): after the build is written, every file of
 * it (workers, wasm, presets, lessons, fonts…) is listed with a version hash, and the worker is
 * bundled with that list into dist/sw.js. Listing the written folder rather than the bundle also
 * catches public/ files and the workers' own bundles.
 */
const precacheForOffline = (): Plugin => {
  let root = '';
  let outDir = '';
  return {
    name: 'spikelab:precache-for-offline',
    apply: 'build',
    configResolved: (config) => {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle(error?: Error) {
      if (error) return;
      const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
        .filter((p) => statSync(join(outDir, p)).isFile())
        .map((p) => ({ path: p.split(sep).join('/'), bytes: readFileSync(join(outDir, p)) }));
      const manifest = await precacheManifest(files);
      const out = await build({
        configFile: false,
        root,
        logLevel: 'warn',
        define: { __SPIKELAB_PRECACHE__: JSON.stringify(manifest) },
        build: {
          write: false,
          copyPublicDir: false,
          target: 'es2022',
          lib: { entry: resolve(root, 'src/ui/offline/serviceWorker.ts'), formats: ['iife'], name: 'spikelabOffline', fileName: () => SERVICE_WORKER_FILE },
        },
      });
      const chunk = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
      if (!chunk || chunk.type !== 'chunk') throw new Error('the offline worker did not build (no chunk in the output)');
      writeFileSync(join(outDir, SERVICE_WORKER_FILE), chunk.code);
      this.info?.(`offline worker: ${manifest.files.length} files, version ${manifest.version} (${relative(root, join(outDir, SERVICE_WORKER_FILE))})`);
    },
  };
};

/** package.json's version: its one owner. The page reads it as import.meta.env.SPIKELAB_VERSION (src/ui/appVersion.ts). */
const version = String((JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version?: unknown }).version);

export default defineConfig(({ command }) => ({
  plugins: [react(), answerWorkerScriptsInFull(), precacheForOffline()],
  // Whether this code is bundled (vite build) or served module by module (npm start): tfjs-wasm's
  // threaded build starts only unbundled (workers/tfjsThreadedBuild.ts). NODE_ENV cannot tell:
  // a build run with NODE_ENV=test (Vitest's) or development is still a minified bundle.
  define: { 'import.meta.env.SPIKELAB_BUNDLED': JSON.stringify(command === 'build'), 'import.meta.env.SPIKELAB_VERSION': JSON.stringify(version) },
  // Vite's dependency cache; a test points it at an empty folder to see a newcomer's cold first start.
  cacheDir: process.env['SPIKELAB_VITE_CACHE_DIR'] ?? 'node_modules/.vite',
  // Vite's dependency scan starts from index.html and does not follow `new Worker(new URL(…))`, so
  // the workers' dependencies (tfjs-backend-wasm, reached through a lazy import) were found only
  // when first used: Vite re-optimised them and reloaded the page under the first Train click.
  // Scanning the workers and naming the lazily imported packages bundles everything once, up front.
  optimizeDeps: {
    entries: ['index.html', 'workers/*.worker.ts'],
    include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', 'h5wasm', 'comlink', 'fflate', 'zod', '@xyflow/react', '@dagrejs/dagre'],
  },
  worker: { format: 'es' },
  // open: false — `npm start` never opens a browser (there may be none); it prints the address.
  server: { headers: isolation, port: 5173, host: '127.0.0.1', open: false },
  preview: { headers: isolation, port: 4173, host: '127.0.0.1' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'workers/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/property/**/*.test.ts'],
          testTimeout: 60_000,
          // Vitest's default on a 2-core machine is one worker (cores − 1), which left a core idle
          // while a test waits on the CLI child it spawned; two keep the CI run under 20 minutes.
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          globalSetup: ['test/e2e/buildOnce.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // Firefox is driven over WebDriver BiDi, a WebSocket; Node 20 has its client behind a flag
          // (Node 22 has it by default, and would reject the flag one day).
          execArgv: typeof WebSocket === 'undefined' ? ['--experimental-websocket'] : [],
        },
      },
    ],
  },
}));
