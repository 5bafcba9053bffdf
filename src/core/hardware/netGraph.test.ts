import { describe, expect, it } from 'vitest';
import { networkSchema } from '../spec/network.ts';
import { buildNetGraph, netOfSource } from './netGraph.ts';
import { populationsOf } from './populations.ts';

const lif = { model: 'lif' };

describe('the net graph of a network', () => {
  it('has one net for a dense projection, whose pins are every target', () => {
    const net = networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [7] }, { kind: 'dense', name: 'fc', units: 5 }, { kind: 'spiking', name: 'h', neuron: lif }] });
    const g = buildNetGraph(populationsOf(net));
    expect(g.nets).toBe(1);
    expect(g.netSrcCount[0]).toBe(7);
    expect([...g.pins]).toEqual([0, 1, 2, 3, 4]);
    expect([...g.fanIn]).toEqual([7, 7, 7, 7, 7]);
    expect(g.synapses).toBe(35);
    expect(netOfSource(g, -1, 6)).toBe(0);
  });

  it('gives a convolution one net per source, reaching the outputs its windows cover', () => {
    const net = networkSchema.parse({ layers: [{ kind: 'input', name: 'in', shape: [5, 5, 1] }, { kind: 'conv2d', name: 'c', filters: 2, kernel: 3 }, { kind: 'spiking', name: 'h', neuron: lif }] });
    const g = buildNetGraph(populationsOf(net));
    expect(g.nets).toBe(25);
    const pinsOf = (n: number) => (g.netPinStart[n + 1] as number) - (g.netPinStart[n] as number);
    expect(pinsOf(12)).toBe(18); // the centre pixel is in all 9 windows, × 2 filters
    expect(pinsOf(0)).toBe(2); // a corner pixel is in one window
    // 9 outputs × 2 filters × a 3×3×1 kernel
    expect(g.synapses).toBe(162);
    expect(Math.max(...g.fanIn)).toBe(9);
  });

  it('follows pooling and "same" padding the way the engines do', () => {
    const net = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [4, 4, 1] },
        { kind: 'conv2d', name: 'c', filters: 1, kernel: 3, padding: 'same' },
        { kind: 'spiking', name: 'h', neuron: lif },
        { kind: 'pool2d', name: 'p', size: 2 },
        { kind: 'flatten', name: 'f' },
        { kind: 'dense', name: 'fc', units: 3 },
        { kind: 'spiking', name: 'o', neuron: lif },
      ],
    });
    const g = buildNetGraph(populationsOf(net));
    // 'same': the corner output sees a 2×2 corner of the input
    expect(g.fanIn[0]).toBe(4);
    expect(g.fanIn[5]).toBe(9);
    // the dense projection after pool + flatten is one net from all 16 hidden neurons
    const n = netOfSource(g, 0, 3);
    expect(g.netSrcCount[n]).toBe(16);
    expect(g.fanIn[16]).toBe(16);
  });

  it('connects a pooled map to the next convolution through the pool windows', () => {
    const net = networkSchema.parse({
      layers: [
        { kind: 'input', name: 'in', shape: [4, 4, 1] },
        { kind: 'pool2d', name: 'p', size: 2 },
        { kind: 'conv2d', name: 'c', filters: 1, kernel: 1 },
        { kind: 'spiking', name: 'h', neuron: lif },
      ],
    });
    const g = buildNetGraph(populationsOf(net));
    // input (0,0) and (1,1) both land in output (0,0); (3,3) in (1,1)
    const pin = (n: number) => g.pins[g.netPinStart[n] as number];
    expect(pin(0)).toBe(0);
    expect(pin(5)).toBe(0);
    expect(pin(15)).toBe(3);
    expect([...g.fanIn]).toEqual([4, 4, 4, 4]);
  });
});
