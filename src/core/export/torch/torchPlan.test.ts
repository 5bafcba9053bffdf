import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorkspace } from '../../spec/parseWorkspace.ts';
import { trainingSchema } from '../../spec/trainingConfig.ts';
import { SpecError } from '../../errors.ts';
import { layerText, pyFloat } from './torchModules.ts';
import { torchPlan } from './torchPlan.ts';

const preset = (name: string) => parseWorkspace(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'public', 'presets', `${name}.workspace.json`), 'utf8')));
const cfgOf = (ws: ReturnType<typeof preset>) => ws.training ?? trainingSchema.parse({});

describe('torchPlan: the BPTT kernel’s plan as the PyTorch export writes it', () => {
  it('a conv SNN: conv geometry, the sum pool after its spikes, the read-out', () => {
    const ws = preset('dvs-shapes');
    const plan = torchPlan(ws.network, cfgOf(ws), 10);
    expect(plan.layers.map((l) => [l.name, l.population, l.model, l.conv !== undefined, l.pool?.divisor])).toEqual([
      ['conv1', 'lif1', 'lif', true, 1],
      ['fc', 'classes', 'readout', false, undefined],
    ]);
    expect(layerText(plan.layers[0]!)).toMatch(/synapse=Conv\("conv1", in_hwc=\(\d+, \d+, \d+\), k=\d+, stride=\d+, pad_top=\d+, pad_left=\d+, out_hw=\(\d+, \d+\), filters=\d+\),\n.*recurrent=None,\n.*neurons=Leaky\(beta=[\d.]+, threshold=[\d.]+, reset="subtract"\),\n.*pool=Pool\(/);
  });

  it('a recurrent SNN: the loop’s dense node becomes the layer’s Recurrent matrix', () => {
    const ws = preset('cue-memory-rsnn');
    const plan = torchPlan(ws.network, cfgOf(ws), 1);
    const looped = plan.layers.find((l) => l.loop);
    expect(looped).toBeDefined();
    expect(layerText(looped!)).toContain(`recurrent=Recurrent("${looped!.loop}", ${looped!.units})`);
  });

  it('refuses what the kernel refuses, with its reason, and float32 parameters print as Python floats that round back', () => {
    const ws = preset('ecg-synthetic');
    expect(() => torchPlan(ws.network, { ...cfgOf(ws), surrogate: { name: 'arctan', slope: 2 } }, 1)).toThrow(SpecError);
    expect(() => torchPlan(ws.network, { ...cfgOf(ws), surrogate: { name: 'arctan', slope: 2 } }, 1)).toThrow(/cannot export to PyTorch: the kernel's surrogate is the fast sigmoid, not arctan/);
    expect(pyFloat(0.9)).toBe('0.8999999761581421');
    expect(pyFloat(1)).toBe('1.0');
    expect(Math.fround(Number(pyFloat(1e-7)))).toBe(Math.fround(1e-7));
  });
});
