import { describe, expect, it } from 'vitest';
import { networkSchema } from '../spec/network.ts';
import { ANN_DEVICES, annMacsPerPass, pJPerMacAtPeak } from './annDevices.ts';
import { populationsOf } from './populations.ts';

function macsOf(layers: unknown[]): number {
  return annMacsPerPass(populationsOf(networkSchema.parse({ layers })));
}
const spike = (name: string) => ({ kind: 'spiking', name, neuron: { model: 'lif' } });

describe('annMacsPerPass', () => {
  it('counts in·out for each dense layer, read-out included', () => {
    // 4·3 + 3·2 = 18.
    expect(macsOf([{ kind: 'input', name: 'in', shape: [4] }, { kind: 'dense', name: 'a', units: 3 }, spike('s'), { kind: 'dense', name: 'b', units: 2 }, { kind: 'readout', name: 'r' }])).toBe(18);
  });

  it('counts outH·outW·filters·k·k·cIn for a conv and nothing for pooling or flatten', () => {
    // conv 6×6×1 → 4×4×2 with 3×3: 4·4·2·9·1 = 288; pool → 2×2×2, flatten → 8; dense 8·5 = 40.
    const layers = [
      { kind: 'input', name: 'in', shape: [6, 6, 1] },
      { kind: 'conv2d', name: 'c', filters: 2, kernel: 3 },
      spike('s1'),
      { kind: 'pool2d', name: 'p', size: 2 },
      { kind: 'flatten', name: 'f' },
      { kind: 'dense', name: 'd', units: 5 },
      spike('s2'),
    ];
    expect(macsOf(layers)).toBe(288 + 40);
  });

  it('uses the padded output side of a strided same conv', () => {
    // 5×5×3, 4 filters 3×3 stride 2 same → ceil(5/2) = 3: 3·3·4·9·3 = 972.
    expect(macsOf([{ kind: 'input', name: 'in', shape: [5, 5, 3] }, { kind: 'conv2d', name: 'c', filters: 4, kernel: 3, stride: 2, padding: 'same' }, spike('s')])).toBe(972);
  });
});

describe('ANN_DEVICES', () => {
  it('derives pJ per MAC at peak as power ÷ (FLOPS / 2)', () => {
    // Jetson Nano: 10 W / (472e9 / 2) MAC/s = 42.37 pJ.
    expect(pJPerMacAtPeak(10, 472e9)).toBeCloseTo(42.3729, 3);
  });

  it('has at least three devices with unique ids, each with a status and a source', () => {
    expect(ANN_DEVICES.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ANN_DEVICES.map((d) => d.id)).size).toBe(ANN_DEVICES.length);
    for (const d of ANN_DEVICES) {
      expect(d.pJPerMac).toBeGreaterThan(0);
      expect(d.source.length).toBeGreaterThan(20);
    }
  });

  it('keeps the figures derived here, with the INT8 arithmetic floor below every real device', () => {
    const byId = Object.fromEntries(ANN_DEVICES.map((d) => [d.id, d.pJPerMac]));
    expect(byId['arith-fp32-45nm']).toBeCloseTo(4.6, 10);
    expect(byId['arith-int8-45nm']).toBeCloseTo(0.23, 10);
    expect(byId['jetson-nano']).toBeCloseTo(42.37, 2);
    expect(byId['gpu-a100']).toBeCloseTo(2.564, 3);
    expect(byId['cpu-server']).toBeCloseTo(91.71, 2);
    // The A100 (7 nm, FP16) beats the 45 nm FP32 floor; only the INT8 floor is below everything.
    const devices = ANN_DEVICES.filter((d) => !d.id.startsWith('arith-')).map((d) => d.pJPerMac);
    expect(Math.min(...devices)).toBeGreaterThan(byId['arith-int8-45nm'] ?? Infinity);
  });
});
