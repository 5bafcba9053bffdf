import type { ChipProfile } from './chipProfile.ts';
import type { ClusterLoads } from './clusterLoads.ts';
import type { EnergyBreakdown, LatencyBreakdown, OpCounts } from './mappingTypes.ts';
import { hopsBetween, HOST_SLOT, type MeshGeometry } from './meshGeometry.ts';
import { netOfSource, type NetGraph } from './netGraph.ts';

/** Spike events of a recorded run, sorted by step: the input's and every population's (local ids). */
export interface StepEvents {
  readonly steps: number;
  /** Inferences the run covers (an ECG record holds many beats); figures are reported per inference. */
  readonly inferences: number;
  readonly dtMs: number;
  readonly input: { readonly times: Uint32Array; readonly ids: Uint32Array };
  readonly pops: readonly { readonly times: Uint32Array; readonly ids: Uint32Array }[];
}

/** What the cost model reports for one inference. */
export interface CostReport {
  readonly counts: OpCounts;
  readonly energy: EnergyBreakdown;
  readonly latency: LatencyBreakdown;
}

const PJ = 1e-12;

/**
 * Seconds of leakage charged to one inference at a real-time rate: the period 1/rate, or the busy
 * time when the chip computes longer than that (it then cannot keep up, and mapNetwork says so).
 */
export function staticPeriodS(busyS: number, realTimeRateHz: number): number {
  return Math.max(busyS, 1 / realTimeRateHz);
}
const NS = 1e-9;

/**
 * Energy and latency of one inference from the recorded spikes (CHIPS.md §3). Per step, every
 * core's work is synaptic ops × t_syn + active and idle neuron updates × t_neu + packets sent ×
 * t_out; the step takes as long as its busiest core (not the total), plus the barrier. Time-stepped
 * chips update every mapped neuron each step (active when it received input or fired); event-driven
 * chips update only on input. Energy adds synaptic ops, neuron updates, packets with their hops
 * and chip crossings, and static power over the time the chip is busy (unless, as on TrueNorth,
 * the per-event figure already contains it).
 *
 * A spike through a recurrent group (a loop, read a step late) is counted where the chip does the
 * work: its packets and synaptic ops in the step it is fired (it leaves the core then, and the
 * target's synapses accumulate it into the next step's input, as Loihi's dendritic delay slots
 * do), but the target neuron's update that integrates it in the next step; a loop spike of the
 * run's last step updates no neuron in the run.
 */
export function costOfMapping(ng: NetGraph, coreOf: Int32Array, loads: ClusterLoads, slotOf: Int32Array, geo: MeshGeometry, chip: ChipProfile, ev: StepEvents, realTimeRateHz?: number): CostReport {
  const K = loads.total;
  const P = ng.graph.populations.length;
  const eventDriven = chip.timeBase === 'async';
  const tm = chip.timing;
  const slot = (c: number) => (c === loads.host ? HOST_SLOT : (slotOf[c] as number));

  // Populations each source population feeds (for dense "whole layer active" flags), by when they
  // integrate its spikes: forward and skip groups in the step it fires, recurrent groups the next.
  const targets: number[][] = Array.from({ length: P + 1 }, () => []);
  const lateTargets: number[][] = Array.from({ length: P + 1 }, () => []);
  ng.graph.populations.forEach((p, i) => {
    for (const g of p.groups) {
      const list = (g.recurrent ? lateTargets : targets)[g.from + 1];
      if (list && !list.includes(i)) list.push(i);
    }
  });

  const synOps = new Float64Array(K);
  const packets = new Float64Array(K);
  const stamped = new Float64Array(K * P);
  const denseActive = new Uint8Array(P);
  // What this step's spikes deliver through recurrent groups: integrated (active) next step.
  const denseLate = new Uint8Array(P);
  const latePins: number[] = [];
  const stamp = new Int32Array(ng.neurons).fill(-1);
  // Step in which each source (input channels first, then neurons) last had its row read: an SSF
  // count arrives as several spikes at one step but reads the row once.
  const inputSize = ng.graph.input.size;
  const rowRead = new Int32Array(inputSize + ng.neurons).fill(-1);
  let totalReads = 0;
  const touched: number[] = [];
  const busiestCount = new Float64Array(K);
  let totalSyn = 0;
  let totalActive = 0;
  let totalIdle = 0;
  let computeS = 0;
  let boundSyn = 0;
  let boundNeu = 0;
  let boundMsg = 0;
  let realTimeSteps = 0;

  const cursors = [ev.input, ...ev.pops].map(() => 0);
  const trains = [ev.input, ...ev.pops];
  const markActive = (j: number, t: number) => {
    if (stamp[j] === t) return;
    stamp[j] = t;
    const key = (coreOf[j] as number) * P + (ng.popOf[j] as number);
    if (stamped[key] === 0) touched.push(key);
    stamped[key]! += 1;
  };
  for (let t = 0; t < ev.steps; t++) {
    synOps.fill(0);
    packets.fill(0);
    denseActive.set(denseLate);
    denseLate.fill(0);
    for (const j of latePins) markActive(j, t);
    latePins.length = 0;
    for (let q = -1; q < P; q++) {
      const train = trains[q + 1]!;
      let k = cursors[q + 1] as number;
      for (; k < train.times.length && (train.times[k] as number) === t; k++) {
        const i = train.ids[k] as number;
        if (q >= 0) markActive((ng.popOffset[q] as number) + i, t);
        const n = netOfSource(ng, q, i);
        if (n < 0) continue;
        const src = q < 0 ? i : inputSize + (ng.popOffset[q] as number) + i;
        if (rowRead[src] !== t) {
          rowRead[src] = t;
          // The row of a source is its net's pins: every target for a dense net, the window's reach otherwise.
          totalReads += (ng.netPinStart[n + 1] as number) - (ng.netPinStart[n] as number);
        }
        const a = loads.netCoreStart[n] as number;
        const b = loads.netCoreStart[n + 1] as number;
        const from = q < 0 ? loads.host : (coreOf[(ng.popOffset[q] as number) + i] as number);
        const relay = (loads.splitterStart[n] as number) >= 0 ? loads.relayCluster(n, i - (ng.netSrcStart[n] as number)) : -1;
        if (from !== loads.host) packets[from]! += relay >= 0 ? 1 : b - a;
        if (relay >= 0) {
          synOps[relay]! += b - a;
          packets[relay]! += b - a;
        }
        for (let m = a; m < b; m++) synOps[loads.netCores[m] as number]! += loads.netCorePins[m] as number;
        if (ng.outNetDense[q + 1]) {
          for (const p of targets[q + 1] as number[]) denseActive[p] = 1;
          for (const p of lateTargets[q + 1] as number[]) denseLate[p] = 1;
        } else
          for (let m = ng.netPinStart[n] as number; m < (ng.netPinStart[n + 1] as number); m++) {
            if (ng.pinLate[m]) latePins.push(ng.pins[m] as number);
            else markActive(ng.pins[m] as number, t);
          }
      }
      cursors[q + 1] = k;
    }
    // The busiest core sets the step time.
    let worst = 0;
    let worstCore = 0;
    let worstParts = [0, 0, 0];
    for (let c = 0; c < K; c++) {
      let active = 0;
      for (let p = 0; p < P; p++) active += denseActive[p] ? (loads.perLayer[c * P + p] as number) : (stamped[c * P + p] as number);
      // Splitter neurons are active whenever they relay.
      active += Math.min(loads.splitters[c] as number, synOps[c] as number);
      const idle = eventDriven ? 0 : Math.max(0, (loads.neurons[c] as number) - active);
      totalActive += active;
      totalIdle += idle;
      totalSyn += synOps[c] as number;
      const parts = [(synOps[c] as number) * tm.synOpNS, active * tm.neuronNS + idle * tm.neuronIdleNS, (packets[c] as number) * tm.spikeOutNS];
      const work = (parts[0] as number) + (parts[1] as number) + (parts[2] as number);
      if (work > worst) {
        worst = work;
        worstCore = c;
        worstParts = parts;
      }
    }
    busiestCount[worstCore]! += 1;
    const stepS = worst * NS + tm.barrierNS * NS;
    if (tm.stepTimeS !== null && tm.stepTimeS > stepS) {
      computeS += tm.stepTimeS - tm.barrierNS * NS;
      realTimeSteps += 1;
    } else computeS += worst * NS;
    const [s0, s1, s2] = worstParts as [number, number, number];
    if (s0 >= s1 && s0 >= s2) boundSyn += 1;
    else if (s1 >= s2) boundNeu += 1;
    else boundMsg += 1;
    for (const key of touched) stamped[key] = 0;
    touched.length = 0;
  }

  const inf = Math.max(1, ev.inferences);
  const stepsPer = ev.steps / inf;
  // Packets and hops from the per-inference traffic of the placement.
  let nPackets = 0;
  let hopsEw = 0;
  let hopsNs = 0;
  let chipHops = 0;
  let ioEvents = 0;
  for (const [key, p] of loads.traffic) {
    const from = Math.floor(key / (K + 1));
    const to = key % (K + 1);
    const h = hopsBetween(geo, slot(from), slot(to));
    nPackets += p;
    hopsEw += p * h.ew;
    hopsNs += p * h.ns;
    chipHops += p * h.chips;
    if (from === loads.host) ioEvents += p;
  }
  const e = chip.energy;
  const counts: OpCounts = {
    synOps: totalSyn / inf,
    neuronUpdatesActive: totalActive / inf,
    neuronUpdatesIdle: totalIdle / inf,
    packets: nPackets,
    hopsEw,
    hopsNs,
    chipHops,
    ioEvents,
    weightReads: totalReads / inf,
  };
  const depth = P;
  const meanStep = stepsPer > 0 ? computeS / inf / stepsPer + tm.barrierNS * NS : 0;
  const asyncChip = chip.timeBase === 'async';
  const realTime = asyncChip || chip.architecture === 'single-core';
  // Event-driven and single-core chips run at the pace of their input (a sensor), one dt per step.
  const paceS = realTime ? stepsPer * (ev.dtMs / 1000) : 0;
  const computePer = realTime ? paceS : computeS / inf;
  const barrierS = realTime ? 0 : stepsPer * tm.barrierNS * NS;
  const pipelineS = asyncChip ? tm.eventLatencyS : (depth - 1) * (realTime ? ev.dtMs / 1000 : meanStep);
  const ioS = stepsPer * tm.hostIoPerStepS;
  const busyS = computePer + barrierS + pipelineS;
  const totalS = busyS + ioS;
  const chips = geo.chips;
  const energy = {
    synOpsJ: counts.synOps * e.synOpPJ * PJ,
    neuronActiveJ: counts.neuronUpdatesActive * e.neuronActivePJ * PJ,
    neuronIdleJ: counts.neuronUpdatesIdle * e.neuronIdlePJ * PJ,
    routingJ: (nPackets * e.spikeLocalPJ + hopsEw * e.hopEwPJ + hopsNs * e.hopNsPJ) * PJ,
    chipLinksJ: chipHops * e.chipHopPJ * PJ,
    weightReadsJ: counts.weightReads * e.weightReadPJ * PJ,
    // Static and dynamic power over the time the chip works on the inference; host I/O waits are
    // reported as latency but not charged (the chip could be gated, and it would swamp the figure).
    // A chip classifying at a real-time rate (a beat per heartbeat) leaks for the whole period
    // between inferences, not only while it computes.
    staticJ: e.staticIncluded ? 0 : e.staticPowerW * chips * (realTimeRateHz !== undefined ? staticPeriodS(busyS, realTimeRateHz) : busyS),
    dynamicJ: e.dynamicPowerW * chips * busyS,
  };
  const totalJ = energy.synOpsJ + energy.neuronActiveJ + energy.neuronIdleJ + energy.routingJ + energy.chipLinksJ + energy.weightReadsJ + energy.staticJ + energy.dynamicJ;
  let busiestCore = 0;
  for (let c = 1; c < K; c++) if ((busiestCount[c] as number) > (busiestCount[busiestCore] as number)) busiestCore = c;
  const boundBy: LatencyBreakdown['boundBy'] = asyncChip
    ? 'events'
    : realTime || realTimeSteps > ev.steps / 2
      ? 'real-time'
      : boundSyn >= boundNeu && boundSyn >= boundMsg
        ? 'synops'
        : boundNeu >= boundMsg
          ? 'neurons'
          : 'messages';
  return {
    counts,
    energy: { ...energy, totalJ },
    latency: { computeS: computePer, barrierS, pipelineS, ioS, totalS, stepS: stepsPer > 0 ? (computePer + barrierS) / stepsPer : 0, busiestCore, boundBy },
  };
}
