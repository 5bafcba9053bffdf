import { shouldYield, yieldToEventLoop } from '../engine/yieldControl.ts';
import { throwIfAborted, type AbortSignalLike } from '../errors.ts';
import type { Rng } from '../rng.ts';
import { netClusters, type Activity } from './clusterLoads.ts';
import { storedWords, type NetGraph } from './netGraph.ts';
import type { CoreLimits, Partition } from './partition.ts';

/** Spike packets a partition sends: Σ over nets of (source spikes) × (distinct cores of its pins). */
export function partitionPackets(ng: NetGraph, coreOf: Int32Array, weights: Float64Array): number {
  const seen = new Int32Array(Math.max(1, ng.neurons)).fill(-1);
  let total = 0;
  for (let n = 0; n < ng.nets; n++) {
    let d = 0;
    for (let k = ng.netPinStart[n] as number; k < (ng.netPinStart[n + 1] as number); k++) {
      const c = coreOf[ng.pins[k] as number] as number;
      if (seen[c] !== n) {
        seen[c] = n;
        d += 1;
      }
    }
    total += (weights[n] as number) * d;
  }
  return total;
}

/**
 * Weight of each net for refinement: the spikes its sources fired (so busy neurons are kept
 * together), plus a hundredth per source so that silent nets still prefer fewer cores.
 */
export function netWeights(ng: NetGraph, act: Activity): Float64Array {
  const w = new Float64Array(ng.nets);
  for (let n = 0; n < ng.nets; n++) {
    const q = ng.netSrcPop[n] as number;
    const start = ng.netSrcStart[n] as number;
    const count = ng.netSrcCount[n] as number;
    let s = 0;
    if (q < 0) for (let i = start; i < start + count; i++) s += act.input[i] as number;
    else {
      const off = ng.popOffset[q] as number;
      for (let i = start; i < start + count; i++) s += act.neuron[off + i] as number;
    }
    w[n] = s + 0.01 * count;
  }
  return w;
}

/** Result of refinement: the new partition and the packets before and after. */
export interface Refinement {
  readonly partition: Partition;
  readonly packetsBefore: number;
  readonly packetsAfter: number;
  readonly moves: number;
  readonly passes: number;
}

/**
 * Kernighan–Lin style refinement: a neuron moves to another core of its layer that its input nets
 * already reach when that sends fewer packets (gain > 0) and the core has room; when the core is
 * full, it swaps with a neuron that wanted the opposite move, if the pair gains.
 * Only strictly improving moves are kept, so packets never increase and every limit holds.
 */
export async function refinePartition(ng: NetGraph, start: Partition, limits: CoreLimits, act: Activity, rng: Rng, signal?: AbortSignalLike, maxPasses = 6): Promise<Refinement> {
  const K = start.clusters;
  const coreOf = Int32Array.from(start.coreOf);
  const w = netWeights(ng, act);
  // Pins of each net per core, as a short list per net: (core, count) slots, with two spare slots
  // so a pin can move to a core the net did not reach. A full list refuses the move.
  const first = netClusters(ng, coreOf, K);
  const slotStart = new Uint32Array(ng.nets + 1);
  for (let n = 0; n < ng.nets; n++) slotStart[n + 1] = (slotStart[n] as number) + ((first.start[n + 1] as number) - (first.start[n] as number)) + 2;
  const slotCore = new Int32Array(slotStart[ng.nets] as number).fill(-1);
  const slotCount = new Uint32Array(slotStart[ng.nets] as number);
  for (let n = 0; n < ng.nets; n++) {
    let k = slotStart[n] as number;
    for (let m = first.start[n] as number; m < (first.start[n + 1] as number); m++, k++) {
      slotCore[k] = first.cores[m] as number;
      slotCount[k] = first.counts[m] as number;
    }
  }
  /** Pins of net n on core c. */
  const count = (n: number, c: number): number => {
    for (let k = slotStart[n] as number; k < (slotStart[n + 1] as number); k++) if (slotCore[k] === c) return slotCount[k] as number;
    return 0;
  };
  /** Whether net n can take a pin on core c (it has c, or a free slot). */
  const canAdd = (n: number, c: number): boolean => {
    for (let k = slotStart[n] as number; k < (slotStart[n + 1] as number); k++) if (slotCore[k] === c || slotCount[k] === 0) return true;
    return false;
  };
  const addPin = (n: number, c: number, d: number): void => {
    let free = -1;
    for (let k = slotStart[n] as number; k < (slotStart[n + 1] as number); k++) {
      if (slotCore[k] === c) {
        slotCount[k] = (slotCount[k] as number) + d;
        return;
      }
      if (free < 0 && slotCount[k] === 0) free = k;
    }
    slotCore[free] = c;
    slotCount[free] = d;
  };
  const neurons = new Float64Array(K);
  const bits = new Float64Array(K);
  const axons = new Float64Array(K);
  for (let j = 0; j < ng.neurons; j++) {
    const c = coreOf[j] as number;
    neurons[c]! += 1;
    bits[c]! += storedWords(ng, j) * limits.weightBits;
  }
  for (let n = 0; n < ng.nets; n++) for (let m = first.start[n] as number; m < (first.start[n + 1] as number); m++) axons[first.cores[m] as number]! += ng.netSrcCount[n] as number;
  const packetsBefore = partitionPackets(ng, coreOf, w);
  // Populations fed by a dense net cannot gain (every core of the layer gets every spike); and a
  // population on one core has no border.
  const popRange = ng.graph.populations.map((_, p) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let j = ng.popOffset[p] as number; j < (ng.popOffset[p + 1] as number); j++) {
      lo = Math.min(lo, coreOf[j] as number);
      hi = Math.max(hi, coreOf[j] as number);
    }
    const fedDense = (ng.graph.populations[p]?.groups ?? []).some((g) => ng.outNetDense[g.from + 1] === 1);
    return { lo, hi, refinable: hi > lo && !fedDense };
  });

  const gain = (j: number, a: number, b: number): { g: number; axA: number; axB: number } => {
    let g = 0;
    let axA = 0;
    let axB = 0;
    for (let k = ng.inStart[j] as number; k < (ng.inStart[j + 1] as number); k++) {
      const n = ng.inNets[k] as number;
      if (count(n, a) === 1) {
        g += w[n] as number;
        axA -= ng.netSrcCount[n] as number;
      }
      if (!canAdd(n, b)) return { g: -Infinity, axA: 0, axB: 0 };
      if (count(n, b) === 0) {
        g -= w[n] as number;
        axB += ng.netSrcCount[n] as number;
      }
    }
    return { g, axA, axB };
  };
  const apply = (j: number, a: number, b: number, axA: number, axB: number) => {
    for (let k = ng.inStart[j] as number; k < (ng.inStart[j + 1] as number); k++) {
      const n = ng.inNets[k] as number;
      // Add before removing, so the slot a pin leaves is never the one it lands in.
      addPin(n, b, 1);
      addPin(n, a, -1);
    }
    const fb = storedWords(ng, j) * limits.weightBits;
    neurons[a]! -= 1;
    neurons[b]! += 1;
    bits[a]! -= fb;
    bits[b]! += fb;
    axons[a]! += axA;
    axons[b]! += axB;
    coreOf[j] = b;
  };
  const within = (c: number) => (neurons[c] as number) <= limits.neurons && (bits[c] as number) <= limits.synapseBits && (axons[c] as number) <= limits.inAxons;

  // The unit of a move is a position: all channels of one (y, x) of a conv layer share their input
  // windows, so moving one channel alone never empties a net from a core. Flat layers move neurons.
  const groupSize = ng.graph.populations.map((p) => (p.shape.length === 3 ? (p.shape[2] as number) : 1));
  const candidates: number[] = [];
  for (let p = 0; p < ng.graph.populations.length; p++) {
    if (!popRange[p]?.refinable) continue;
    for (let j = ng.popOffset[p] as number; j < (ng.popOffset[p + 1] as number); j += groupSize[p] as number) candidates.push(j);
  }
  let work = 0;
  const workBudget = 20 * Math.max(1000, ng.neurons);
  /** Moves the group starting at j from a to b; returns its exact gain, or -Infinity (nothing moved). */
  const moveGroup = (j: number, size: number, a: number, b: number): number => {
    let total = 0;
    for (let i = 0; i < size; i++) {
      const r = gain(j + i, a, b);
      if (r.g === -Infinity) {
        backGroup(j, i, b, a);
        return -Infinity;
      }
      apply(j + i, a, b, r.axA, r.axB);
      total += r.g;
    }
    work += size;
    return total;
  };
  /** Moves the first `count` members of a group back from b to a, last first. */
  const backGroup = (j: number, count: number, b: number, a: number): void => {
    for (let i = count - 1; i >= 0; i--) {
      const r = gain(j + i, b, a);
      apply(j + i, b, a, r.axA, r.axB);
    }
    work += count;
  };
  /** Whether some net of j reaches a core other than its own (only border groups can gain). */
  const onBorder = (j: number, a: number): boolean => {
    for (let k = ng.inStart[j] as number; k < (ng.inStart[j + 1] as number); k++) {
      const n = ng.inNets[k] as number;
      for (let q = slotStart[n] as number; q < (slotStart[n + 1] as number); q++) if (slotCore[q] !== a && (slotCount[q] as number) > 0) return true;
    }
    return false;
  };
  let moves = 0;
  let passes = 0;
  let current = packetsBefore;
  const tried: number[] = [];
  for (; passes < maxPasses && candidates.length > 0 && work < workBudget; passes++) {
    // Seeded Fisher–Yates: the visiting order, hence the result, depends only on the seed.
    for (let i = candidates.length - 1; i > 0; i--) {
      const r = rng.int(i + 1);
      const t = candidates[i] as number;
      candidates[i] = candidates[r] as number;
      candidates[r] = t;
    }
    const wanting = new Map<number, number[]>();
    let passGain = 0;
    let since = Date.now();
    for (const j of candidates) {
      if (work >= workBudget) break;
      if (shouldYield(since)) {
        await yieldToEventLoop();
        throwIfAborted(signal, 'mapping');
        since = Date.now();
      }
      const a = coreOf[j] as number;
      const p = ng.popOf[j] as number;
      const size = groupSize[p] as number;
      const range = popRange[p]!;
      if (!onBorder(j, a)) continue;
      let together = true;
      for (let i = 1; i < size && together; i++) together = coreOf[j + i] === a;
      if (!together) continue; // a position split between two cores by the greedy cut stays put
      // Candidate cores: those the group's input nets already reach (elsewhere only adds packets).
      tried.length = 0;
      for (let k = ng.inStart[j] as number; k < (ng.inStart[j + 1] as number) && tried.length < 4; k++) {
        const n = ng.inNets[k] as number;
        for (let q = slotStart[n] as number; q < (slotStart[n + 1] as number) && tried.length < 4; q++) {
          const c = slotCore[q] as number;
          if (c >= 0 && c !== a && (slotCount[q] as number) > 0 && c >= range.lo && c <= range.hi && !tried.includes(c)) tried.push(c);
        }
      }
      let bestB = -1;
      let bestG = 1e-12;
      for (const b of tried) {
        const g = moveGroup(j, size, a, b);
        if (g === -Infinity) continue;
        backGroup(j, size, b, a);
        if (g > bestG) {
          bestG = g;
          bestB = b;
        }
      }
      if (bestB < 0) continue;
      const b = bestB;
      const g = moveGroup(j, size, a, b);
      if (within(b)) {
        passGain += g;
        moves += size;
        continue;
      }
      // b is full: swap with a group of b that wanted to come to a, if the pair still gains.
      const queue = wanting.get(b * K + a) ?? [];
      let swapped = false;
      while (queue.length > 0 && !swapped) {
        const m = queue.pop() as number;
        let home = true;
        for (let i = 0; i < size && home; i++) home = coreOf[m + i] === b;
        if (!home) continue;
        const gm = moveGroup(m, size, b, a);
        if (gm === -Infinity) continue;
        if (g + gm > 1e-12 && within(a) && within(b)) {
          passGain += g + gm;
          moves += 2 * size;
          swapped = true;
        } else backGroup(m, size, a, b);
      }
      if (!swapped) {
        backGroup(j, size, b, a);
        const list = wanting.get(a * K + b) ?? [];
        list.push(j);
        wanting.set(a * K + b, list);
      }
    }
    current -= passGain;
    if (passGain <= 1e-6 * Math.max(1, current)) {
      passes += 1;
      break;
    }
  }
  const packetsAfter = partitionPackets(ng, coreOf, w);
  return { partition: { coreOf, clusters: K }, packetsBefore, packetsAfter, moves, passes };
}
