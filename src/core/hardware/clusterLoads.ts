import { limitOf, type ChipProfile } from './chipProfile.ts';
import { storedWords, type NetGraph } from './netGraph.ts';
import type { Partition } from './partition.ts';

/** Spikes per inference: of every mapped neuron (global ids) and of every input channel. */
export interface Activity {
  readonly neuron: Float64Array;
  readonly input: Float64Array;
  /** Time steps of one inference. */
  readonly steps: number;
}

/**
 * What each cluster (core) holds and does, from a partition and the recorded activity. Clusters
 * `0 … partition.clusters-1` hold network neurons; `clusters … total-1` are splitter cores added
 * when a neuron reaches more cores than the chip allows (TrueNorth: one); `host` = total.
 */
export interface ClusterLoads {
  readonly total: number;
  readonly host: number;
  readonly neurons: Float64Array;
  readonly splitters: Float64Array;
  readonly synapses: Float64Array;
  readonly inAxons: Float64Array;
  readonly outAxons: Float64Array;
  readonly maxFanIn: Float64Array;
  readonly spikes: Float64Array;
  readonly packetsOut: Float64Array;
  readonly packetsIn: Float64Array;
  readonly synOps: Float64Array;
  /** Neurons of population p on cluster c: perLayer[c · P + p]. */
  readonly perLayer: Float64Array;
  /** Packets per inference between clusters (host included), key = from · (total + 1) + to. */
  readonly traffic: Map<number, number>;
  /** Distinct clusters of each net's pins: netCores[netCoreStart[n] … ), with the pin count in each. */
  readonly netCoreStart: Uint32Array;
  readonly netCores: Uint32Array;
  readonly netCorePins: Uint32Array;
  /** First splitter neuron of net n, or -1 when its sources may reach their cores directly. */
  readonly splitterStart: Float64Array;
  /** The splitter core relaying source r (local index in the net) of net n (TrueNorth fan-out). */
  readonly relayCluster: (n: number, r: number) => number;
  readonly splitterNeurons: number;
}

/** Distinct clusters reached by each net and the pins in each (CSR over nets). */
export function netClusters(ng: NetGraph, coreOf: Int32Array, clusters: number): { start: Uint32Array; cores: Uint32Array; counts: Uint32Array } {
  const start = new Uint32Array(ng.nets + 1);
  const seen = new Int32Array(clusters).fill(-1);
  const slot = new Int32Array(clusters);
  const coresTmp: number[] = [];
  const countsTmp: number[] = [];
  for (let n = 0; n < ng.nets; n++) {
    for (let k = ng.netPinStart[n] as number; k < (ng.netPinStart[n + 1] as number); k++) {
      const c = coreOf[ng.pins[k] as number] as number;
      if (seen[c] !== n) {
        seen[c] = n;
        slot[c] = coresTmp.length;
        coresTmp.push(c);
        countsTmp.push(0);
      }
      countsTmp[slot[c] as number]! += 1;
    }
    start[n + 1] = coresTmp.length;
  }
  return { start, cores: Uint32Array.from(coresTmp), counts: Uint32Array.from(countsTmp) };
}

/** Spikes of a net's sources grouped by the cluster they sit on (host = -1 for the input). */
function sourcesByCluster(ng: NetGraph, n: number, coreOf: Int32Array, act: Activity, into: Map<number, { spikes: number; neurons: number }>): void {
  into.clear();
  const q = ng.netSrcPop[n] as number;
  const start = ng.netSrcStart[n] as number;
  const count = ng.netSrcCount[n] as number;
  if (q < 0) {
    let s = 0;
    for (let i = start; i < start + count; i++) s += act.input[i] as number;
    into.set(-1, { spikes: s, neurons: count });
    return;
  }
  const off = ng.popOffset[q] as number;
  for (let i = start; i < start + count; i++) {
    const c = coreOf[off + i] as number;
    const e = into.get(c);
    const s = act.neuron[off + i] as number;
    if (e) {
      e.spikes += s;
      e.neurons += 1;
    } else into.set(c, { spikes: s, neurons: 1 });
  }
}

/** Computes every cluster's load, the traffic between clusters and the splitter cores the chip needs. */
export function clusterLoads(ng: NetGraph, part: Partition, act: Activity, chip: ChipProfile): ClusterLoads {
  const K = part.clusters;
  const P = ng.graph.populations.length;
  const { start, cores, counts } = netClusters(ng, part.coreOf, K);
  const fanoutLimit = limitOf(chip.fanoutCoresPerNeuron);
  // Splitters: a source neuron reaching D > limit cores relays through D splitter neurons, laid
  // out one source after another over splitter cores of neuronsPerCore each.
  const splitterStart = new Float64Array(ng.nets).fill(-1);
  let splitterNeurons = 0;
  for (let n = 0; n < ng.nets; n++) {
    const D = (start[n + 1] as number) - (start[n] as number);
    if ((ng.netSrcPop[n] as number) < 0 || D <= fanoutLimit) continue;
    // A net's splitters start on a fresh core when it has several sources (relayCluster counts
    // whole cores from there) or when one source's D splitters would straddle two cores.
    const per = chip.neuronsPerCore;
    const straddles = Math.floor(splitterNeurons / per) !== Math.floor((splitterNeurons + D - 1) / per);
    if ((ng.netSrcCount[n] as number) > 1 || straddles) splitterNeurons = Math.ceil(splitterNeurons / per) * per;
    splitterStart[n] = splitterNeurons;
    const perCore = Math.max(1, Math.floor(per / D));
    const count = ng.netSrcCount[n] as number;
    // Sources fill cores perCore at a time (so none straddles), the last core partly.
    const fullCores = Math.floor(count / perCore);
    splitterNeurons += fullCores * per + (count % perCore) * D;
  }
  const splitterCores = Math.ceil(splitterNeurons / chip.neuronsPerCore);
  const splitterFill = new Array<number>(splitterCores).fill(0);
  const total = K + splitterFill.length;
  const host = total;
  const arr = () => new Float64Array(total);
  const neurons = arr();
  const splitters = arr();
  const synapses = arr();
  const inAxons = arr();
  const outAxons = arr();
  const maxFanIn = arr();
  const spikes = arr();
  const packetsOut = arr();
  const packetsIn = arr();
  const synOps = arr();
  const perLayer = new Float64Array(total * P);
  for (let j = 0; j < ng.neurons; j++) {
    const c = part.coreOf[j] as number;
    neurons[c]! += 1;
    // A bias is one more stored weight per neuron, held in the same memory as its synapses.
    synapses[c]! += storedWords(ng, j);
    if ((ng.fanIn[j] as number) > (maxFanIn[c] as number)) maxFanIn[c] = ng.fanIn[j] as number;
    spikes[c]! += act.neuron[j] as number;
    perLayer[c * P + (ng.popOf[j] as number)]! += 1;
  }
  const traffic = new Map<number, number>();
  const add = (from: number, to: number, packets: number) => {
    const key = from * (total + 1) + to;
    traffic.set(key, (traffic.get(key) ?? 0) + packets);
  };
  const groups = new Map<number, { spikes: number; neurons: number }>();
  for (let n = 0; n < ng.nets; n++) {
    const a = start[n] as number;
    const b = start[n + 1] as number;
    if (a === b) continue;
    if ((splitterStart[n] as number) >= 0) {
      relayNet(n, a, b);
      continue;
    }
    sourcesByCluster(ng, n, part.coreOf, act, groups);
    for (let k = a; k < b; k++) inAxons[cores[k] as number]! += ng.netSrcCount[n] as number;
    for (const [c, g] of groups) {
      const from = c < 0 ? host : c;
      if (from !== host) {
        packetsOut[from]! += g.spikes * (b - a);
        outAxons[from]! += g.neurons * (b - a);
      }
      for (let k = a; k < b; k++) {
        const d = cores[k] as number;
        add(from, d, g.spikes);
        packetsIn[d]! += g.spikes;
        synOps[d]! += g.spikes * (counts[k] as number);
      }
    }
  }
  /** A net whose sources each reach more cores than allowed: one packet to the source's splitter core, then one per destination. */
  function relayNet(n: number, a: number, b: number): void {
    const q = ng.netSrcPop[n] as number;
    const off = (ng.popOffset[q] as number) + (ng.netSrcStart[n] as number);
    const D = b - a;
    for (let r = 0; r < (ng.netSrcCount[n] as number); r++) {
      const relay = relayCluster(n, r);
      const c = part.coreOf[off + r] as number;
      const sp = act.neuron[off + r] as number;
      neurons[relay]! += D;
      splitters[relay]! += D;
      synapses[relay]! += D;
      splitterFill[relay - K]! += D;
      inAxons[relay]! += 1;
      add(c, relay, sp);
      packetsOut[c]! += sp;
      outAxons[c]! += 1;
      packetsIn[relay]! += sp;
      synOps[relay]! += sp * D;
      packetsOut[relay]! += sp * D;
      outAxons[relay]! += D;
      for (let k = a; k < b; k++) {
        const d = cores[k] as number;
        add(relay, d, sp);
        packetsIn[d]! += sp;
        synOps[d]! += sp * (counts[k] as number);
        inAxons[d]! += 1;
      }
    }
  }
  /** Splitter core of source r of net n. */
  function relayCluster(n: number, r: number): number {
    const D = (start[n + 1] as number) - (start[n] as number);
    const perCore = Math.max(1, Math.floor(chip.neuronsPerCore / D));
    return K + Math.floor((splitterStart[n] as number) / chip.neuronsPerCore) + Math.floor(r / perCore);
  }
  return { total, host, neurons, splitters, synapses, inAxons, outAxons, maxFanIn, spikes, packetsOut, packetsIn, synOps, perLayer, traffic, netCoreStart: start, netCores: cores, netCorePins: counts, splitterStart, relayCluster, splitterNeurons: splitterFill.reduce((x, f) => x + f, 0) };
}
