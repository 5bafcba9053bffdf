import { readFileSync } from 'node:fs';
import { KERNEL_WASM } from '../../../src/cli/kernelFile.ts';
import { createEngine } from '../../../src/core/engine/index.ts';
import { parseWorkspace } from '../../../src/core/spec/parseWorkspace.ts';
import type { Workspace } from '../../../src/core/spec/workspace.ts';
import { pageTrainingSize, withTrainingSize } from '../../../src/core/train/pageTrainingSize.ts';
import { trainWorkspace } from '../../../src/core/train/trainWorkspace.ts';

/** A preset of public/presets, parsed. */
export const presetOf = (name: string): Workspace =>
  parseWorkspace(JSON.parse(readFileSync(new URL(`../../../public/presets/${name}.workspace.json`, import.meta.url), 'utf8')));

/**
 * The test-accuracy line the page must show after training the synthetic ECG preset: the page
 * trains at its quick size on the BPTT kernel and scores the test beats on it; so does this, in Node.
 */
export async function expectedEcgAccuracyLine(): Promise<string> {
  await createEngine('tfjs-cpu');
  const ecg = presetOf('ecg-synthetic');
  const trained = await trainWorkspace(withTrainingSize(ecg, pageTrainingSize(ecg, false)), undefined, {}, { kernel: new Uint8Array(readFileSync(KERNEL_WASM)), testOnKernel: true });
  return `test accuracy ${(100 * trained.test.accuracy).toFixed(1)} %`;
}
