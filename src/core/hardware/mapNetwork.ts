import { MappingError, throwIfAborted, type AbortSignalLike, type Violation } from '../errors.ts';
import { createRng } from '../rng.ts';
import type { NetworkSpec } from '../spec/network.ts';
import { annComparison } from './annComparison.ts';
import { coreLocation, coresPerChip, limitOf, type ChipProfile } from './chipProfile.ts';
import { HEAD_TARGET_DEFAULT, type ChipTarget } from './chipTarget.ts';
import { clusterLoads, type Activity, type ClusterLoads } from './clusterLoads.ts';
import { costOfMapping, type CostReport, type StepEvents } from './costModel.ts';
import { architecturePartition } from './architecturePartition.ts';
import type { CoreUsage, MappingResult, PipelineCost, TrafficEdge } from './mappingTypes.ts';
import { hopsBetween, HOST_SLOT, meshGeometry } from './meshGeometry.ts';
import { buildNetGraph, type NetGraph } from './netGraph.ts';
import { coreLimits, defaultWeightBits, type CoreLimits } from './partition.ts';
import { placeClusters, type ClusterEdges } from './placement.ts';
import { headNote, offChipViolations } from './offChip.ts';
import { countOutputsOf, pipelineCost } from './pipelineCost.ts';
import { populationsOf, type PopulationGraph } from './populations.ts';
import { formatEngineering } from '../format/engineering.ts';

/** What the mapper needs: the network, the chip, the workspace's target settings and the recorded spikes. */
export interface MapRequest {
  readonly net: NetworkSpec;
  readonly chip: ChipProfile;
  readonly target: ChipTarget;
  readonly events: StepEvents;
  /** The input is one vector held over the steps (an ANN twin then runs one pass, not one per step). */
  readonly staticInput: boolean;
  readonly signal?: AbortSignalLike;
  readonly onProgress?: (stage: string, fraction: number) => void;
}

/** Spikes per inference of every neuron and input channel. */
export function activityOf(ng: NetGraph, ev: StepEvents): Activity {
  const inf = Math.max(1, ev.inferences);
  const neuron = new Float64Array(ng.neurons);
  const input = new Float64Array(ng.graph.input.size);
  for (const id of ev.input.ids) input[id]! += 1 / inf;
  ev.pops.forEach((p, q) => {
    const off = ng.popOffset[q] as number;
    for (const id of p.ids) neuron[off + id]! += 1 / inf;
  });
  return { neuron, input, steps: ev.steps / inf };
}

/** Cluster traffic as edge arrays for the annealer. */
function edgesOf(loads: ClusterLoads): ClusterEdges {
  const n = loads.traffic.size;
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const packets = new Float64Array(n);
  let i = 0;
  for (const [key, p] of loads.traffic) {
    from[i] = Math.floor(key / (loads.total + 1));
    to[i] = key % (loads.total + 1);
    packets[i] = p;
    i++;
  }
  return { from, to, packets, host: loads.host };
}

/** Per-core usage with every limit's ratio and the binding one. */
function coreUsage(ng: NetGraph, loads: ClusterLoads, slotOf: Int32Array, chip: ChipProfile, limits: CoreLimits, extra: (c: number) => Record<string, number>): CoreUsage[] {
  const P = ng.graph.populations.length;
  const out: CoreUsage[] = [];
  for (let c = 0; c < loads.total; c++) {
    const slot = slotOf[c] as number;
    const loc = coreLocation(chip, slot);
    const synapseBits = (loads.synapses[c] as number) * limits.weightBits;
    // Mesh cores are bound by the generic limits; Speck and Xylo by their own memories and rules.
    const utilisation: Record<string, number> = chip.architecture === 'mesh' ? { neurons: (loads.neurons[c] as number) / limits.neurons } : {};
    if (chip.architecture === 'mesh') {
      if (Number.isFinite(limits.synapseBits)) utilisation.synapse_memory = synapseBits / limits.synapseBits;
      if (Number.isFinite(limits.inAxons)) utilisation.input_axons = (loads.inAxons[c] as number) / limits.inAxons;
      if (Number.isFinite(limits.outAxons)) utilisation.output_axons = (loads.outAxons[c] as number) / limits.outAxons;
    }
    Object.assign(utilisation, extra(c));
    let binding = Object.keys(utilisation)[0] ?? 'neurons';
    for (const [k, v] of Object.entries(utilisation)) if (v > (utilisation[binding] as number)) binding = k;
    const layers: { layer: string; neurons: number }[] = [];
    for (let p = 0; p < P; p++) {
      const n = loads.perLayer[c * P + p] as number;
      if (n > 0) layers.push({ layer: ng.graph.populations[p]?.name ?? '?', neurons: n });
    }
    if ((loads.splitters[c] as number) > 0) layers.push({ layer: 'splitters', neurons: loads.splitters[c] as number });
    out.push({
      index: slot,
      chip: loc.chip,
      x: loc.x,
      y: loc.y,
      layers,
      neurons: loads.neurons[c] as number,
      splitters: loads.splitters[c] as number,
      synapses: loads.synapses[c] as number,
      synapseBits,
      inAxons: loads.inAxons[c] as number,
      outAxons: loads.outAxons[c] as number,
      maxFanIn: loads.maxFanIn[c] as number,
      spikes: loads.spikes[c] as number,
      packetsOut: loads.packetsOut[c] as number,
      packetsIn: loads.packetsIn[c] as number,
      synOps: loads.synOps[c] as number,
      utilisation,
      binding,
    });
  }
  return out;
}

/** Limits checked on the finished partition (output axons are only known once every core is). */
function coreViolations(ng: NetGraph, loads: ClusterLoads, limits: CoreLimits): Violation[] {
  const out: Violation[] = [];
  const P = ng.graph.populations.length;
  let worst = -1;
  for (let c = 0; c < loads.total; c++) if ((loads.outAxons[c] as number) > limits.outAxons && (worst < 0 || (loads.outAxons[c] as number) > (loads.outAxons[worst] as number))) worst = c;
  if (worst >= 0) {
    let layer = 'splitters';
    let most = 0;
    for (let p = 0; p < P; p++) if ((loads.perLayer[worst * P + p] as number) > most) {
      most = loads.perLayer[worst * P + p] as number;
      layer = ng.graph.populations[p]?.name ?? '?';
    }
    const value = loads.outAxons[worst] as number;
    out.push({ layer, constraint: 'output_axons', limit: limits.outAxons, value, severity: 'error', message: `layer '${layer}': a core sends to ${value} (neuron, core) pairs but may send to ${limits.outAxons} (${(value / limits.outAxons).toFixed(2)}×)`, suggestions: ['fewer neurons in the next layer', 'a larger layer before it so fewer neurons share a core', 'choose a chip with more output axons'] });
  }
  return out;
}

/** Maps a network on a chip: partition, refinement, placement, energy and latency; never throws for a misfit (see `fits`). */
export async function mapNetwork(req: MapRequest): Promise<MappingResult> {
  const { chip, target } = req;
  const t0 = Date.now();
  const times: Record<string, number> = {};
  const lap = (name: string, since: number) => (times[name] = Date.now() - since);
  const graph = populationsOf(req.net);
  const ng = buildNetGraph(graph);
  const act = activityOf(ng, req.events);
  lap('graph', t0);
  const weightBits = target.weightBits ?? defaultWeightBits(chip);
  const violations: Violation[] = offChipViolations(graph);
  if (!chip.weightBits.includes(weightBits)) {
    violations.push({ layer: graph.populations[0]?.name ?? 'network', constraint: 'weight_bits', limit: Math.max(...chip.weightBits), value: weightBits, severity: 'error', message: `${chip.name} stores ${chip.weightBits.join(', ')}-bit weights, not ${weightBits}-bit`, suggestions: [`use ${defaultWeightBits(chip)}-bit weights`, 'choose another chip'] });
  }
  const limits = coreLimits(chip, weightBits);
  const rng = createRng(target.seed, `map:${chip.id}`);
  throwIfAborted(req.signal, 'mapping');
  req.onProgress?.('partition', 0);
  const t1 = Date.now();
  const arch = await architecturePartition(ng, graph, chip, limits, act, rng.fork('partition'), req.events.dtMs, req.signal);
  violations.push(...arch.violations);
  lap('partition', t1);
  throwIfAborted(req.signal, 'mapping');
  req.onProgress?.('placement', 0.4);
  const loads = clusterLoads(ng, arch.partition, act, chip);
  violations.push(...coreViolations(ng, loads, limits));
  const per = coresPerChip(chip);
  const chipsNeeded = Math.max(1, Math.ceil(loads.total / per));
  if (chipsNeeded > chip.maxChips) {
    const layer = graph.populations[graph.populations.length - 1]?.name ?? 'network';
    violations.push({ layer, constraint: 'cores', limit: per * chip.maxChips, value: loads.total, severity: 'error', message: `the network needs ${loads.total} cores but ${chip.maxChips} ${chip.name} chip${chip.maxChips > 1 ? 's have' : ' has'} ${per * chip.maxChips}`, suggestions: ['fewer or smaller layers', 'lower the weight bits (more synapses per core)', 'choose a chip with more or larger cores'] });
  }
  const geo = meshGeometry(chip, Math.min(chipsNeeded, chip.maxChips));
  const t2 = Date.now();
  const edges = edgesOf(loads);
  const fixed = arch.slots;
  const run = { ...(req.signal ? { signal: req.signal } : {}), onProgress: (f: number) => req.onProgress?.('placement', 0.4 + 0.4 * f) };
  const placed = !fixed && chipsNeeded <= chip.maxChips ? await placeClusters(chip, geo, loads.total, edges, rng.fork('placement'), target.congestion, run) : undefined;
  const slotOf = fixed?.slotOf ?? placed?.slotOf ?? Int32Array.from({ length: loads.total }, (_, c) => Math.min(c, geo.slots - 1));
  lap('placement', t2);
  throwIfAborted(req.signal, 'mapping');
  req.onProgress?.('energy', 0.8);
  const t3 = Date.now();
  const cost = costOfMapping(ng, arch.partition.coreOf, loads, slotOf, geo, chip, req.events, target.realTimeRateHz);
  lap('energy', t3);
  const slot = (c: number) => (c === loads.host ? HOST_SLOT : (slotOf[c] as number));
  const traffic: TrafficEdge[] = [...loads.traffic].map(([key, packets]) => {
    const from = slot(Math.floor(key / (loads.total + 1)));
    const to = slot(key % (loads.total + 1));
    const h = hopsBetween(geo, from, to);
    return { from, to, packets, hops: h.ew + h.ns };
  });
  // Fixed-routing chips: the hops of the assignment itself (nothing to anneal).
  const fixedHops = traffic.reduce((a, e) => a + e.packets * e.hops, 0);
  const ann = annComparison(graph, req.staticInput ? 1 : Math.round(act.steps), cost.energy.totalJ);
  const synOps = cost.counts.synOps;
  const E = cost.energy.totalJ;
  const errors = violations.filter((v) => v.severity === 'error');
  const pipeline = graph.head ? pipelineOf(req, graph, E, cost.latency.totalS, act.steps) : undefined;
  lap('total', t0);
  req.onProgress?.('done', 1);
  return {
    chip: chip.id,
    chipName: chip.name,
    architecture: chip.architecture,
    fits: errors.length === 0,
    violations,
    meshW: chip.meshW,
    meshH: chip.meshH,
    coresPerChip: per,
    coresUsed: loads.total,
    chipsUsed: geo.chips,
    cores: coreUsage(ng, loads, slotOf, chip, limits, arch.extraUtilisation),
    traffic,
    trafficHopsInitial: placed?.trafficHopsInitial ?? fixedHops,
    trafficHopsFinal: placed?.trafficHopsFinal ?? fixedHops,
    maxLinkLoadInitial: placed?.maxLinkLoadInitial ?? 0,
    maxLinkLoadFinal: placed?.maxLinkLoadFinal ?? 0,
    packetsGreedy: arch.packetsGreedy,
    packetsRefined: arch.packetsRefined,
    annealCurve: placed?.curve ?? [],
    placementCostInitial: placed?.costInitial ?? 0,
    placementCostFinal: placed?.costFinal ?? 0,
    splitterNeurons: loads.splitterNeurons,
    steps: act.steps,
    counts: cost.counts,
    energy: cost.energy,
    latency: cost.latency,
    energyPerInferenceJ: E,
    latencyS: cost.latency.totalS,
    efficiency: {
      opDefinition: 'synaptic operation: one spike reaching one synapse (an accumulate)',
      gopsPerW: E > 0 ? synOps / E / 1e9 : 0,
      pJPerOp: synOps > 0 ? (E / synOps) * 1e12 : 0,
    },
    ann,
    ...(pipeline ? { pipeline } : {}),
    timingsMs: times,
    notes: [...arch.notes, ...realTimeNotes(chip, target, cost), ...[headNote(graph, pipeline)].filter((n): n is string => n !== undefined), ...(limitOf(chip.fanoutCoresPerNeuron) < Infinity && loads.splitterNeurons > 0 ? [`${loads.splitterNeurons} splitter neurons relay spikes to more than ${chip.fanoutCoresPerNeuron} core(s)`] : [])],
  };
}

/** The hybrid's stages when the network has an ANN head: the chip's figures, the counts over the link, the head on its device. */
function pipelineOf(req: MapRequest, graph: PopulationGraph, chipEnergyJ: number, chipLatencyS: number, steps: number): PipelineCost | undefined {
  if (!graph.head) return undefined;
  return pipelineCost({
    chipId: req.chip.id,
    chipName: req.chip.name,
    chipEnergyJ,
    chipLatencyS,
    steps,
    headMacs: graph.head.macs,
    outputs: countOutputsOf(req.net),
    target: req.target.head ?? HEAD_TARGET_DEFAULT,
  });
}

/** What the static term means when the target asks for a real-time rate (mapping notes). */
function realTimeNotes(chip: ChipProfile, target: ChipTarget, cost: CostReport): string[] {
  const rate = target.realTimeRateHz;
  if (rate === undefined) return [];
  const periodS = 1 / rate;
  const { computeS, barrierS, pipelineS } = cost.latency;
  const busyS = computeS + barrierS + pipelineS;
  const e = cost.energy;
  const leak = chip.energy.staticIncluded ? 'none is added (the per-op figure holds it)' : `${(chip.energy.staticPowerW * 1e6).toPrecision(3)} µW per chip`;
  // The split matters: at a slow rate leakage can outweigh all the work of an inference.
  const notes = [
    `static power charged over one real-time period per inference: 1/${rate.toPrecision(3)} Hz = ${periodS.toPrecision(3)} s, not over the ${busyS.toPrecision(3)} s of compute (static power: ${leak}); static ${formatEngineering(e.staticJ, 'J')} + dynamic ${formatEngineering(e.totalJ - e.staticJ, 'J')} per inference`,
  ];
  if (busyS > periodS) notes.push(`the chip computes for ${busyS.toPrecision(3)} s per inference, longer than the ${periodS.toPrecision(3)} s period: it cannot keep up with ${rate.toPrecision(3)} inferences per second`);
  return notes;
}

/** Throws MappingError (every violation, each naming its layer and limit) when the mapping does not fit. */
export function assertFits(m: MappingResult): MappingResult {
  if (!m.fits) throw new MappingError(m.chipName, m.violations);
  return m;
}
