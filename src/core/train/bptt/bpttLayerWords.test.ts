import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KERNEL_MODELS, KERNEL_RESETS } from '../../neurons/kernelNeuron.ts';
import { LAYER_SLOT, LAYER_WORDS } from './bpttLayerWords.ts';

// The host and the kernel agree on a layer descriptor's slots and on the neuron updates' ids only
// by these constants: read them from the AssemblyScript sources and compare.
const ASSEMBLY = join(import.meta.dirname, '..', '..', 'engine', 'kernels', 'assembly');
const constants = (file: string): Map<string, number> =>
  new Map([...readFileSync(join(ASSEMBLY, file), 'utf8').matchAll(/export const (\w+)(?:: i32)? = (\d+);/g)].map((m) => [m[1] as string, Number(m[2])]));

/** L_IN_STARTS → inStarts; the four parameter words are one slot on the host side. */
const camel = (name: string) => name.slice(2).toLowerCase().replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

describe('the BPTT layer descriptor', () => {
  const kernel = constants('bpttLayer.ts');

  it('has the kernel’s slots at the kernel’s word indices, and as many words', () => {
    expect(kernel.get('LAYER_WORDS')).toBe(LAYER_WORDS);
    // One constant per word (the four parameter words included), and the count.
    expect(kernel.size).toBe(LAYER_WORDS + 1);
    const host = new Map<string, number>(Object.entries(LAYER_SLOT));
    for (const [name, at] of kernel) {
      if (name === 'LAYER_WORDS') continue;
      const p = /^L_P(\d)$/.exec(name);
      if (p) expect(LAYER_SLOT.params + Number(p[1]), name).toBe(at);
      else expect(host.get(camel(name)), name).toBe(at);
    }
    // Every host slot is one the kernel reads, and none lies outside the descriptor.
    const read = new Set([...kernel.values()]);
    for (const [name, at] of host) expect(read.has(at), name).toBe(true);
    expect(Math.max(...host.values())).toBeLessThan(LAYER_WORDS);
  });

  it('names the kernel’s neuron updates and resets by the kernel’s ids', () => {
    const k = constants('neuronModels.ts');
    expect(KERNEL_MODELS.lif.id).toBe(k.get('MODEL_LIF'));
    expect(KERNEL_MODELS.cubaLif.id).toBe(k.get('MODEL_CUBA'));
    expect(KERNEL_MODELS.alif.id).toBe(k.get('MODEL_ALIF'));
    expect(KERNEL_MODELS.readout.id).toBe(k.get('MODEL_READOUT'));
    expect(KERNEL_RESETS).toEqual({ subtract: k.get('RESET_SUBTRACT'), zero: k.get('RESET_ZERO'), none: k.get('RESET_NONE') });
  });
});
