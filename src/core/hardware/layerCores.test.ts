import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import { networkSchema } from '../spec/network.ts';
import { chipById, resolveChip } from './chips/index.ts';
import { assignLayerCores, mapSpeck, speckDemands, speckLayerMemory } from './layerCores.ts';
import { populationsOf, type PopulationGraph } from './populations.ts';

const KI = 1024;
const speck = chipById('speck');

/** A network from loose layer objects (the schema fills defaults), split into populations. */
function graphOf(layers: unknown[]): PopulationGraph {
  return populationsOf(networkSchema.parse({ layers }));
}
const spike = (name: string, model = 'if') => ({ kind: 'spiking', name, neuron: { model } });

function constraints(graph: PopulationGraph): string[] {
  return speckDemands(graph, speck).violations.map((v) => v.constraint);
}

describe('speckLayerMemory', () => {
  it('rounds kernel addresses to powers of two: c=64, f=65, 3×3 needs 64·2^(4+7) = 128 Ki entries', () => {
    const m = speckLayerMemory({ cIn: 64, filters: 65, kernelY: 3, kernelX: 3, inH: 8, inW: 8, padY: 1, padX: 1, strideY: 1, strideX: 1 });
    expect(m.kernel).toBe(128 * KI);
    expect(m.bias).toBe(65);
  });

  it('gives K = 2 Ki and N = 4 Ki for c=2, f=64, 3×3 on 8×8 with padding 1', () => {
    // K = 2·2^(⌈log2 9⌉ + ⌈log2 64⌉) = 2·2^(4+6); f_x = (8 − 3 + 2)/1 + 1 = 8, N = 64·2^(3+3).
    const m = speckLayerMemory({ cIn: 2, filters: 64, kernelY: 3, kernelX: 3, inH: 8, inW: 8, padY: 1, padX: 1, strideY: 1, strideX: 1 });
    expect(m).toEqual({ kernel: 2 * KI, neuron: 4 * KI, bias: 64, outH: 8, outW: 8 });
  });

  it('gives N = 128 Ki for c=16, f=32, 3×3 on 64×64 with padding 1 (K = 8 Ki)', () => {
    const m = speckLayerMemory({ cIn: 16, filters: 32, kernelY: 3, kernelX: 3, inH: 64, inW: 64, padY: 1, padX: 1, strideY: 1, strideX: 1 });
    expect(m.kernel).toBe(8 * KI);
    expect(m.neuron).toBe(128 * KI);
  });

  it('floors the output side for strides that do not divide the input', () => {
    // (7 − 3 + 0)/2 + 1 = 3; N = 1·2^(2+2) = 16 (3 rounds up to 4 per side).
    const m = speckLayerMemory({ cIn: 1, filters: 1, kernelY: 3, kernelX: 3, inH: 7, inW: 7, padY: 0, padX: 0, strideY: 2, strideX: 2 });
    expect([m.outH, m.neuron]).toEqual([3, 16]);
  });
});

describe('speckDemands', () => {
  it('rejects c=64, f=65, 3×3 with the kernel memory limit and value', () => {
    const v = speckDemands(graphOf([{ kind: 'input', name: 'in', shape: [8, 8, 64] }, { kind: 'conv2d', name: 'c', filters: 65, kernel: 3, padding: 'same' }, spike('s')]), speck).violations;
    expect(v).toContainEqual(expect.objectContaining({ layer: 's', constraint: 'kernel_memory', limit: 64 * KI, value: 128 * KI, severity: 'error' }));
  });

  it('rejects c=16, f=32, 3×3 on 64×64 with the neuron memory limit and value', () => {
    const v = speckDemands(graphOf([{ kind: 'input', name: 'in', shape: [64, 64, 16] }, { kind: 'conv2d', name: 'c', filters: 32, kernel: 3, padding: 'same' }, spike('s')]), speck).violations;
    expect(v).toContainEqual(expect.objectContaining({ constraint: 'neuron_memory', limit: 64 * KI, value: 128 * KI }));
    expect(v.find((x) => x.constraint === 'neuron_memory')?.message).toContain('128 Ki');
  });

  it('turns a dense layer on a flattened h×w×c map into an h×w kernel with c input channels', () => {
    const d = speckDemands(graphOf([{ kind: 'input', name: 'in', shape: [4, 4, 8] }, { kind: 'flatten', name: 'f' }, { kind: 'dense', name: 'd', units: 10 }, spike('s')]), speck);
    expect(d.layers[0]).toMatchObject({ cIn: 8, filters: 10, kernelY: 4, kernelX: 4, inH: 4, inW: 4 });
    expect(d.layers[0]?.memory).toMatchObject({ outH: 1, outW: 1, kernel: 8 * 2 ** (4 + 4) });
  });

  it('treats a dense layer on flat input as a 1×1 conv whose channels are the inputs', () => {
    const d = speckDemands(graphOf([{ kind: 'input', name: 'in', shape: [300] }, { kind: 'dense', name: 'd', units: 10 }, spike('s')]), speck);
    expect(d.layers[0]).toMatchObject({ cIn: 300, kernelY: 1, kernelX: 1 });
  });

  it('flags a kernel larger than 16, more than 1024 channels, and stride 3, each with limit and value', () => {
    const big = speckDemands(graphOf([{ kind: 'input', name: 'in', shape: [28, 28, 1] }, { kind: 'flatten', name: 'f' }, { kind: 'dense', name: 'd', units: 10 }, spike('s')]), speck);
    expect(big.violations).toContainEqual(expect.objectContaining({ constraint: 'kernel_size', limit: 16, value: 28 }));
    const wide = speckDemands(graphOf([{ kind: 'input', name: 'in', shape: [2000] }, { kind: 'dense', name: 'd', units: 10 }, spike('s')]), speck);
    expect(wide.violations).toContainEqual(expect.objectContaining({ constraint: 'channels', limit: 1024, value: 2000 }));
    const strided = speckDemands(graphOf([{ kind: 'input', name: 'in', shape: [16, 16, 1] }, { kind: 'conv2d', name: 'c', filters: 4, kernel: 3, stride: 3 }, spike('s')]), speck);
    expect(strided.violations).toContainEqual(expect.objectContaining({ constraint: 'stride', value: 3, limit: 2 }));
  });

  it('flags input sides above 128 and neuron maps above 64', () => {
    expect(constraints(graphOf([{ kind: 'input', name: 'in', shape: [256, 256, 1] }, { kind: 'conv2d', name: 'c', filters: 1, kernel: 1, stride: 8 }, spike('s')]))).toContain('input_side');
    const out = speckDemands(graphOf([{ kind: 'input', name: 'in', shape: [128, 128, 1] }, { kind: 'conv2d', name: 'c', filters: 1, kernel: 3, padding: 'same' }, spike('s')]), speck);
    expect(out.violations).toContainEqual(expect.objectContaining({ constraint: 'output_side', limit: 64, value: 128 }));
  });

  it('takes a leading pool2d as the previous layer’s output pooling, and rejects pool 3', () => {
    const d = speckDemands(
      graphOf([{ kind: 'input', name: 'in', shape: [16, 16, 1] }, { kind: 'conv2d', name: 'c1', filters: 2, kernel: 3 }, spike('s1'), { kind: 'pool2d', name: 'p', size: 3 }, { kind: 'conv2d', name: 'c2', filters: 2, kernel: 3 }, spike('s2')]),
      speck,
    );
    expect(d.layers[0]?.pool).toBe(3);
    expect(d.violations).toContainEqual(expect.objectContaining({ layer: 's1', constraint: 'pool_size', value: 3 }));
  });

  it('reads pooling before the first layer as the DVS pre-processing pool', () => {
    const d = speckDemands(graphOf([{ kind: 'input', name: 'in', shape: [128, 128, 2] }, { kind: 'pool2d', name: 'p', size: 4 }, { kind: 'conv2d', name: 'c', filters: 4, kernel: 3 }, spike('s')]), speck);
    expect(d.inputPool).toBe(4);
    expect(d.layers[0]).toMatchObject({ inH: 32, inW: 32 });
  });

  it('finds no single core for 64 Ki kernel entries with 32 Ki neurons', () => {
    // K = 64·2^(4+6) = 64 Ki fits only cores 5 and 6 (16 Ki neurons); N = 64·2^(4+5) = 32 Ki.
    const v = speckDemands(graphOf([{ kind: 'input', name: 'in', shape: [16, 32, 64] }, { kind: 'conv2d', name: 'c', filters: 64, kernel: 3, padding: 'same' }, spike('s')]), speck).violations;
    expect(v).toContainEqual(expect.objectContaining({ constraint: 'core_memory', limit: 32 * KI, value: 64 * KI }));
  });

  it('rejects two weight layers between neuron layers as a layer-structure error', () => {
    expect(constraints(graphOf([{ kind: 'input', name: 'in', shape: [10] }, { kind: 'dense', name: 'a', units: 5 }, { kind: 'dense', name: 'b', units: 5 }, spike('s')]))).toContain('layer_structure');
  });

  it('warns about even kernels with same padding and about non-IAF neurons', () => {
    const v = speckDemands(graphOf([{ kind: 'input', name: 'in', shape: [8, 8, 1] }, { kind: 'conv2d', name: 'c', filters: 2, kernel: 2, padding: 'same' }, spike('s', 'lif')]), speck).violations;
    expect(v.filter((x) => x.severity === 'warning').map((x) => x.constraint).sort()).toEqual(['neuron_model', 'same_padding']);
  });

  it('counts layers beyond the nine cores, read-out included', () => {
    const layers: unknown[] = [{ kind: 'input', name: 'in', shape: [8] }];
    for (let i = 0; i < 9; i++) layers.push({ kind: 'dense', name: `d${i}`, units: 8 }, spike(`s${i}`));
    layers.push({ kind: 'dense', name: 'out', units: 2 }, { kind: 'readout', name: 'r' });
    const v = speckDemands(graphOf(layers), speck).violations.find((x) => x.constraint === 'cores');
    expect(v).toMatchObject({ layer: 'r', limit: 9, value: 10 });
  });

  it('applies an edited padding limit', () => {
    const chip = resolveChip({ id: 'speck', seed: 1, congestion: 0.5, overrides: { 'layerCores.maxPadding': 0 } });
    const v = speckDemands(graphOf([{ kind: 'input', name: 'in', shape: [8, 8, 1] }, { kind: 'conv2d', name: 'c', filters: 2, kernel: 3, padding: 'same' }, spike('s')]), chip).violations;
    expect(v).toContainEqual(expect.objectContaining({ constraint: 'padding', limit: 0, value: 1 }));
  });
});

describe('assignLayerCores', () => {
  it('fails for three layers that can only use cores 1 and 2', () => {
    expect(assignLayerCores([[1, 2], [1, 2], [1, 2]], 3)).toBeNull();
    expect(assignLayerCores([[1, 2], [1, 2], [1, 2]], 9)).toBeNull();
  });

  it('gives the most constrained layer its core and the others the lowest-ranked free one', () => {
    expect(assignLayerCores([[0, 1, 2], [2]], 3)).toEqual([0, 2]);
    // Rank 2 before 0 before 1: the first layer gets core 2 unless the second needs it.
    expect(assignLayerCores([[0, 1, 2], [0, 1, 2]], 3, [1, 2, 0])).toEqual([2, 0]);
  });

  it('finds a complete assignment whenever brute force finds one (seeded random cases)', () => {
    const rng = createRng(7, 'assignLayerCores');
    const complete = (f: number[][], cores: number, used: Set<number>, l: number): boolean =>
      l === f.length || (f[l] ?? []).some((c) => !used.has(c) && complete(f, cores, new Set([...used, c]), l + 1));
    for (let t = 0; t < 200; t++) {
      const cores = 1 + rng.int(5);
      const feasible = Array.from({ length: 1 + rng.int(5) }, () => Array.from({ length: cores }, (_, c) => c).filter(() => rng.next() < 0.4));
      const got = assignLayerCores(feasible, cores);
      expect(got !== null).toBe(complete(feasible, cores, new Set(), 0));
      if (got) {
        expect(new Set(got).size).toBe(got.length);
        got.forEach((c, l) => expect(feasible[l]).toContain(c));
      }
    }
  });
});

describe('mapSpeck', () => {
  it('maps the sinabs test_auto_mapping network, leaving the 64 Ki cores to the layers that need them', () => {
    const graph = graphOf([
      { kind: 'input', name: 'in', shape: [28, 28, 1] },
      { kind: 'conv2d', name: 'c1', filters: 20, kernel: 5 },
      spike('s1', 'lif'),
      { kind: 'pool2d', name: 'p1', size: 2 },
      { kind: 'conv2d', name: 'c2', filters: 32, kernel: 5 },
      spike('s2', 'lif'),
      { kind: 'pool2d', name: 'p2', size: 2 },
      { kind: 'conv2d', name: 'c3', filters: 128, kernel: 3 },
      spike('s3', 'lif'),
      { kind: 'pool2d', name: 'p3', size: 2 },
      { kind: 'flatten', name: 'f' },
      { kind: 'dense', name: 'fc1', units: 500 },
      spike('s4', 'lif'),
      { kind: 'dense', name: 'fc2', units: 10 },
      spike('s5', 'lif'),
    ]);
    const m = mapSpeck(graph, speck);
    expect(m.fits).toBe(true);
    // conv1 K = 1·2^(5+5), N = 20·2^(5+5); conv3 K = 32·2^(4+7) = 64 Ki; fc1 K = 128·2^(0+9) = 64 Ki.
    expect(m.layers.map((l) => [l.memory.kernel, l.memory.neuron])).toEqual([
      [1 * KI, 20 * KI],
      [20 * KI, 2 * KI],
      [64 * KI, 512],
      [64 * KI, 500],
      [8000, 10],
    ]);
    expect(m.layers.map((l) => l.pool)).toEqual([2, 2, 2, 1, 1]);
    expect(m.layers.map((l) => l.destinations)).toEqual([1, 1, 1, 1, 0]);
    expect(m.layers.map((l) => l.core)).toEqual([0, 3, 5, 6, 7]);
  });

  it('reports "No valid mapping found" when three layers need the two 64 Ki cores', () => {
    const layers: unknown[] = [{ kind: 'input', name: 'in', shape: [4, 4, 64] }];
    for (let i = 0; i < 3; i++) layers.push({ kind: 'conv2d', name: `c${i}`, filters: 64, kernel: 3, padding: 'same' }, spike(`s${i}`));
    const m = mapSpeck(graphOf(layers), speck);
    expect(m.fits).toBe(false);
    const v = m.violations.find((x) => x.constraint === 'core_assignment');
    expect(v?.message).toMatch(/^No valid mapping found: s0 \(cores 5, 6\), s1 \(cores 5, 6\), s2 \(cores 5, 6\)/);
    expect(v).toMatchObject({ severity: 'error', limit: 2, value: 3 });
  });

  it('maps c=2, f=64, 3×3 on 8×8 with padding 1', () => {
    const m = mapSpeck(graphOf([{ kind: 'input', name: 'in', shape: [8, 8, 2] }, { kind: 'conv2d', name: 'c', filters: 64, kernel: 3, padding: 'same' }, spike('s')]), speck);
    expect(m.fits).toBe(true);
    expect(m.violations).toEqual([]);
  });

  it('refuses a chip without layer-core rules', () => {
    expect(() => mapSpeck(graphOf([{ kind: 'input', name: 'in', shape: [4] }, { kind: 'dense', name: 'd', units: 2 }, spike('s')]), chipById('loihi'))).toThrow(/layer-core/);
  });
});
