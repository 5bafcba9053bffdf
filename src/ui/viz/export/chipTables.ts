import type { MappingResult } from '../../../core/hardware/mappingTypes.ts';
import { csvChunks, type PlotCsv } from './csvTable.ts';

/**
 * Energy and latency of one inference by cause, in SI units (J, s), every cause including the
 * zero ones the chart leaves out, then the totals: `quantity,cause,value,unit`.
 */
export function costsCsv(r: MappingResult): PlotCsv {
  const e = r.energy;
  const l = r.latency;
  const rows: (string | number)[][] = [
    ...(
      [
        ['synaptic ops', e.synOpsJ],
        ['neurons active', e.neuronActiveJ],
        ['neurons idle', e.neuronIdleJ],
        ['routing', e.routingJ],
        ['chip links', e.chipLinksJ],
        ['weight reads', e.weightReadsJ],
        ['static', e.staticJ],
        ['dynamic power', e.dynamicJ],
        ['total', e.totalJ],
      ] as const
    ).map(([cause, v]) => ['energy', cause, v, 'J']),
    ...(
      [
        ['compute', l.computeS],
        ['barrier', l.barrierS],
        ['pipeline', l.pipelineS],
        ['host I/O', l.ioS],
        ['total', l.totalS],
      ] as const
    ).map(([cause, v]) => ['latency', cause, v, 's']),
  ];
  return { what: 'costs', chunks: csvChunks(['quantity', 'cause', 'value', 'unit'], rows) };
}

/** The SNN on the chip and its ANN twin on each device: energy per inference (J), pJ per MAC, ANN ÷ SNN, status and source. */
export function annCsv(r: MappingResult): PlotCsv {
  const rows = [
    [`SNN on ${r.chip}`, r.energyPerInferenceJ, '', 1, 'this mapping', ''],
    ...r.ann.devices.map((d) => [d.id, d.energyJ, d.pJPerMac, d.ratio, d.status, d.source]),
  ];
  return { what: 'ann-comparison', chunks: csvChunks(['system', 'energy_j', 'pj_per_mac', 'ann_over_snn', 'status', 'source'], rows) };
}

/** The annealer's objective per temperature step, of this seed and (when drawn) the previous one: `seed,step,cost`. */
export function annealCsv(curve: readonly number[], seed: number, previous?: { readonly seed: number; readonly curve: readonly number[] }): PlotCsv {
  const rows = [...curve.map((c, i) => [seed, i, c]), ...(previous ? previous.curve.map((c, i) => [previous.seed, i, c]) : [])];
  return { what: 'anneal', chunks: csvChunks(['seed', 'step', 'cost'], rows) };
}

/**
 * Every used core of the mesh with its load per inference: place, neurons (by layer), synapses,
 * axons, spikes, packets, synaptic ops, and its utilisation of each chip limit (columns named
 * `util_<constraint>`, 1 = full) with the binding one.
 */
export function meshCsv(r: MappingResult): PlotCsv {
  const limits = [...new Set(r.cores.flatMap((c) => Object.keys(c.utilisation)))].sort();
  const header = ['core', 'chip', 'x', 'y', 'layers', 'neurons', 'splitters', 'synapses', 'in_axons', 'out_axons', 'spikes', 'packets_out', 'packets_in', 'syn_ops', 'binding', ...limits.map((k) => `util_${k}`)];
  const rows = r.cores.map((c) => [
    c.index,
    c.chip,
    c.x,
    c.y,
    c.layers.map((l) => `${l.layer}:${l.neurons}`).join(' '),
    c.neurons,
    c.splitters,
    c.synapses,
    c.inAxons,
    c.outAxons,
    c.spikes,
    c.packetsOut,
    c.packetsIn,
    c.synOps,
    c.binding,
    ...limits.map((k) => c.utilisation[k] ?? ''),
  ]);
  return { what: 'cores', chunks: csvChunks(header, rows) };
}
