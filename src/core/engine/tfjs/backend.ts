import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/** A tfjs backend the workbench can run on. */
export type TfBackendName = 'webgl' | 'wasm' | 'cpu';

/** Which backend is active and a plain sentence saying why (including fallbacks). */
export interface BackendChoice {
  readonly backend: TfBackendName;
  readonly reason: string;
}

/** Where the tfjs-backend-wasm binaries are: a URL prefix, or one URL per file name (vite `?url`). */
export type WasmPaths = string | Readonly<Record<string, string>>;

const AUTO_ORDER: readonly TfBackendName[] = ['webgl', 'wasm', 'cpu'];

/**
 * Activates a tfjs backend. 'auto' tries webgl, then wasm, then cpu, each for real (set, ready and
 * a tiny computation read back), and reports why earlier ones were skipped. tfjs keeps one global
 * backend per JavaScript realm, so every tfjs engine in the same worker shares it.
 */
export async function selectBackend(request: TfBackendName | 'auto', wasmPaths?: WasmPaths): Promise<BackendChoice> {
  silenceNodeBanner();
  if (wasmPaths !== undefined) configureWasm(wasmPaths);
  const order = request === 'auto' ? AUTO_ORDER : [request];
  const failures: string[] = [];
  for (const name of order) {
    const why = await tryBackend(name);
    if (why === undefined) {
      const reason =
        failures.length === 0
          ? request === 'auto'
            ? `${name}: first choice, available`
            : `${name}: requested`
          : `${name}: fallback (${failures.join('; ')})`;
      return { backend: name, reason };
    }
    failures.push(`${name} unavailable: ${why}`);
  }
  throw new Error(`no tfjs backend could start: ${failures.join('; ')}`);
}

function configureWasm(paths: WasmPaths): void {
  // Takes effect only if it runs before the wasm backend initialises; later calls are harmless.
  if (typeof paths === 'string') setWasmPaths(paths);
  else setWasmPaths({ ...paths });
}

async function tryBackend(name: TfBackendName): Promise<string | undefined> {
  if (!(name in tf.engine().registryFactory)) return 'not registered in this environment';
  try {
    const ok = await tf.setBackend(name);
    if (!ok) return 'failed to initialise';
    await tf.ready();
    const probe = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)));
    const value = (await probe.data())[0];
    probe.dispose();
    return value === 3 ? undefined : 'a test computation returned a wrong result';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** tfjs prints a tfjs-node advertisement in Node unless production mode is set; we have no use for it. */
function silenceNodeBanner(): void {
  if (!tf.env().getBool('PROD')) tf.env().set('PROD', true);
}
