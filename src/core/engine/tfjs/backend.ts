import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { detectCapabilities, type CapabilityReport, type Presence } from '../host/capabilities.ts';
import { planTfjsBackends, planTfjsWasm, withoutThreads, type TfBackendName, type TfjsWasmPlan } from '../host/fallbackPlan.ts';
import { guardStart } from './startGuard.ts';

export type { TfBackendName } from '../host/fallbackPlan.ts';

/** Which backend is active and a plain sentence saying why (including fallbacks). */
export interface BackendChoice {
  readonly backend: TfBackendName;
  readonly reason: string;
}

/** Where the tfjs-backend-wasm binaries are: a URL prefix, or one URL per file name (vite `?url`). */
export type WasmPaths = string | Readonly<Record<string, string>>;

/**
 * Activates a tfjs backend. 'auto' tries webgl, then wasm, then cpu; a named backend falls back
 * the same way from where it stands (webgl → wasm → cpu), so a run goes on and says why. A backend
 * is skipped when the host lacks what it needs (capabilities.ts, probed here), else started for
 * real (set, ready and a tiny computation read back). tfjs keeps one global backend per JavaScript
 * realm, so every tfjs engine in the same worker shares it.
 */
export async function selectBackend(request: TfBackendName | 'auto', wasmPaths?: WasmPaths, caps: CapabilityReport = detectCapabilities(), threadedBuild: Presence = true): Promise<BackendChoice> {
  silenceNodeBanner();
  if (wasmPaths !== undefined) configureWasm(wasmPaths);
  const failures: string[] = [];
  for (const { backend, ready } of planTfjsBackends(request, caps)) {
    const started = ready === true ? await startBackend(backend, caps, threadedBuild) : { why: ready };
    if ('note' in started) {
      const how = started.note ? ` (${started.note})` : '';
      const reason =
        failures.length > 0 ? `${backend}: fallback (${failures.join('; ')})${how}` : request === 'auto' ? `${backend}: first choice, available${how}` : `${backend}: requested${how}`;
      return { backend, reason };
    }
    failures.push(`${backend} unavailable: ${started.why}`);
  }
  throw new Error(`no tfjs backend could start: ${failures.join('; ')}`);
}

/** Starts one backend; wasm starts threaded when the host allows and again without threads if that fails. */
async function startBackend(name: TfBackendName, caps: CapabilityReport, threadedBuild: Presence): Promise<{ note: string } | { why: string }> {
  // A wasm backend already started (in this realm) keeps its build: only a first start plans one.
  if (name !== 'wasm' || tf.engine().registry['wasm'] !== undefined) {
    const why = await tryBackend(name);
    return why === undefined ? { note: '' } : { why };
  }
  const plan = planTfjsWasm(caps, threadedBuild);
  const why = await tryWasm(plan);
  if (why === undefined) return { note: plan.note ?? 'threaded SIMD build' };
  if (!plan.threads) return { why };
  const single = withoutThreads(plan, why);
  const again = await tryWasm(single);
  return again === undefined ? { note: single.note ?? '' } : { why: `${why}; without threads: ${again}` };
}

/**
 * tfjs-backend-wasm picks its build from two flags it would otherwise probe itself; setting them
 * makes the capability table the one owner of that choice. A threaded build whose pthread worker
 * fails surfaces as an uncaught error in this worker, or never settles: guardStart turns both
 * into a failure to retry without threads, instead of a crashed worker.
 */
async function tryWasm(plan: TfjsWasmPlan): Promise<string | undefined> {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', plan.threads);
  tf.env().set('WASM_HAS_SIMD_SUPPORT', plan.simd);
  return guardStart(tryBackend('wasm'), plan.threads ? 'the threaded tfjs-wasm build' : 'tfjs-wasm', plan.threads);
}

function configureWasm(paths: WasmPaths): void {
  // Takes effect only if it runs before the wasm backend initialises; later calls are harmless.
  if (typeof paths === 'string') setWasmPaths(paths);
  else setWasmPaths({ ...paths });
}

async function tryBackend(name: TfBackendName): Promise<string | undefined> {
  if (!(name in tf.engine().registryFactory)) return 'not registered in this environment';
  try {
    const { ok, warnings } = await setBackendHearingWhy(name);
    if (!ok) return `failed to initialise${warnings.length > 0 ? `: ${warnings.join(' ')}` : ''}`;
    await tf.ready();
    const probe = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)));
    const value = (await probe.data())[0];
    probe.dispose();
    return value === 3 ? undefined : 'a test computation returned a wrong result';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * tf.setBackend answers a failed start with `false` and says why only through its warning log,
 * which production mode (set above) silences: the warning is heard here, so the engine line can
 * name the cause instead of a bare "failed to initialise".
 */
async function setBackendHearingWhy(name: TfBackendName): Promise<{ ok: boolean; warnings: string[] }> {
  const warnings: string[] = [];
  // The core is typed without the DOM or Node: the console is reached through the global object.
  const host = globalThis as unknown as { console: { warn: (...parts: unknown[]) => void } };
  const warn = host.console.warn;
  const prod = tf.env().getBool('PROD');
  tf.env().set('PROD', false);
  host.console.warn = (...parts: unknown[]) => {
    const text = parts.map((p) => (p instanceof Error ? p.message : String(p))).join(' ').trim();
    if (text !== '' && !text.startsWith('Initialization of backend')) warnings.push(text.split('\n')[0] ?? text);
  };
  try {
    return { ok: await tf.setBackend(name), warnings };
  } finally {
    host.console.warn = warn;
    tf.env().set('PROD', prod);
  }
}

/** tfjs prints a tfjs-node advertisement in Node unless production mode is set; we have no use for it. */
function silenceNodeBanner(): void {
  if (!tf.env().getBool('PROD')) tf.env().set('PROD', true);
}
