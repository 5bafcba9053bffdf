import { shapeSize, type Shape } from '../network/shapes.ts';
import type { LayerSpec } from '../spec/network.ts';
import type { FigureStatus } from './chipProfile.ts';
import type { PopulationGraph } from './populations.ts';
import { windowGeometry } from './windowGeometry.ts';

/** A conventional device the ANN twin could run on, with its energy per multiply-accumulate. */
export interface AnnDevice {
  readonly id: string;
  readonly name: string;
  readonly pJPerMac: number;
  /** Peak multiply-accumulates per second (latency = MACs ÷ this, a lower bound); null for arithmetic-only floors. */
  readonly macsPerS: number | null;
  readonly status: FigureStatus;
  readonly source: string;
}

/**
 * pJ per MAC of a device running at its peak rate: power ÷ MAC rate, one MAC = 2 FLOPs (an FMA).
 * Real workloads reach a fraction η < 1 of peak, so the result is a lower bound.
 */
export function pJPerMacAtPeak(powerW: number, peakFlops: number): number {
  return (powerW / (peakFlops / 2)) * 1e12;
}

/**
 * Reference devices for the ANN comparison. The 45 nm arithmetic figures (Horowitz, ISSCC 2014)
 * count only the multiplier and adder, no memory or control, so they are floors no real device
 * reaches; the device figures are power ÷ peak rate, lower bounds as well.
 */
export const ANN_DEVICES: readonly AnnDevice[] = [
  {
    id: 'cpu-server',
    name: 'Server CPU (Xeon Platinum 8380, FP32)',
    // 40 cores × 2.3 GHz × 2 AVX-512 FMA units × 16 FP32 lanes × 2 FLOPs = 5.89 TFLOPS at 270 W.
    pJPerMac: pJPerMacAtPeak(270, 40 * 2.3e9 * 2 * 16 * 2),
    macsPerS: 40 * 2.3e9 * 2 * 16,
    status: 'U',
    source: 'derived: 270 W ÷ 2.94 TMAC/s FP32 peak (40 cores, 2.3 GHz, 2 AVX-512 FMA units; spec-sheet figures not checked here); lower bound',
  },
  {
    id: 'gpu-a100',
    name: 'Data-centre GPU (NVIDIA A100 SXM, FP16 tensor)',
    pJPerMac: pJPerMacAtPeak(400, 312e12),
    macsPerS: 312e12 / 2,
    status: 'derived',
    source: 'derived: 400 W max ÷ 156 TMAC/s (312 TFLOPS dense FP16 tensor) [S: NVIDIA datasheet as transcribed by two third parties]; lower bound',
  },
  {
    id: 'jetson-nano',
    name: 'NVIDIA Jetson Nano (FP16, 10 W mode)',
    pJPerMac: pJPerMacAtPeak(10, 472e9),
    macsPerS: 472e9 / 2,
    status: 'derived',
    source: 'derived: 10 W (MAXN) ÷ 236 GMAC/s (472 GFLOPS FP16 peak) [V spec pages]; lower bound since η < 1',
  },
  {
    id: 'arith-fp32-45nm',
    name: '45 nm FP32 arithmetic only',
    pJPerMac: 3.7 + 0.9,
    macsPerS: null,
    status: 'S',
    source: 'Horowitz, ISSCC 2014: FP32 multiply 3.7 pJ + add 0.9 pJ at 45 nm, 0.9 V; arithmetic only, a floor',
  },
  {
    id: 'arith-int8-45nm',
    name: '45 nm INT8 arithmetic only',
    pJPerMac: 0.2 + 0.03,
    macsPerS: null,
    status: 'S',
    source: 'Horowitz, ISSCC 2014: INT8 multiply 0.2 pJ + add 0.03 pJ at 45 nm; arithmetic only, a floor',
  },
];

/**
 * Multiply-accumulates of one forward pass of the ReLU twin: dense in·out, conv2d
 * outH·outW·filters·kh·kw·cIn/groups (padding taps counted, as a dense conv kernel computes them),
 * over every synapse group (skips and loops included), plus the ANN head after an accumulator.
 * Pooling and flatten are adds or reshapes, not MACs.
 */
export function annMacsPerPass(graph: PopulationGraph): number {
  let macs = graph.head?.macs ?? 0;
  for (const pop of graph.populations) for (const group of pop.groups) macs += groupMacs(group.inShape, group.ops);
  return macs;
}

/** MACs of one synapse group's chain of nodes from its input shape. */
function groupMacs(inShape: Shape, ops: readonly LayerSpec[]): number {
  let macs = 0;
  let shape = inShape;
  for (const op of ops) {
    if (op.kind === 'dense') {
      macs += shapeSize(shape) * op.units;
      shape = [op.units];
    } else if (op.kind === 'flatten') {
      shape = [shapeSize(shape)];
    } else if ((op.kind === 'conv2d' || op.kind === 'pool2d') && shape.length === 3) {
      const [h, w, c] = shape;
      const g = windowGeometry(op, h, w);
      if (op.kind === 'conv2d') macs += g.outH * g.outW * op.filters * g.kh * g.kw * (c / g.groups);
      shape = [g.outH, g.outW, op.kind === 'conv2d' ? op.filters : c];
    }
  }
  return macs;
}
