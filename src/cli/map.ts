import { parseArgs } from 'node:util';
import { createEngine } from '../core/engine/index.ts';
import { MappingError } from '../core/errors.ts';
import { assertFits } from '../core/hardware/mapNetwork.ts';
import { chipTargetOf, mapWorkspace } from '../core/hardware/mapWorkspace.ts';
import type { MappingResult } from '../core/hardware/mappingTypes.ts';
import { EXIT, UsageError, type CliIo } from './io.ts';
import { loadRunTarget } from './loadWorkspace.ts';
import { workspaceFiles } from './workspaceFiles.ts';
import { formatEngineering as formatSi } from '../core/format/engineering.ts';
import { neuEdgeNote } from '../core/hardware/energyOperations.ts';


/** Parses a whole number option within bounds, or says which option is wrong. */
function intOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${value}'`);
  return n;
}

/** The JSON object of the issue, plus the breakdowns. */
function toJson(m: MappingResult) {
  return {
    chip: m.chip,
    fits: m.fits,
    cores_used: m.coresUsed,
    chips_used: m.chipsUsed,
    traffic_hops_initial: m.trafficHopsInitial,
    traffic_hops_final: m.trafficHopsFinal,
    max_link_load_initial: m.maxLinkLoadInitial,
    max_link_load_final: m.maxLinkLoadFinal,
    packets_greedy: m.packetsGreedy,
    packets_refined: m.packetsRefined,
    energy_per_inference_j: m.energyPerInferenceJ,
    latency_s: m.latencyS,
    energy: m.energy,
    latency: m.latency,
    counts: m.counts,
    efficiency: m.efficiency,
    ann: m.ann,
    splitter_neurons: m.splitterNeurons,
    cores: m.cores.map((c) => ({ index: c.index, chip: c.chip, x: c.x, y: c.y, neurons: c.neurons, layers: c.layers, binding: c.binding, utilisation: c.utilisation })),
    violations: m.violations.map((v) => ({ layer: v.layer, constraint: v.constraint, limit: v.limit, value: v.value, severity: v.severity, message: v.message, suggestions: v.suggestions })),
    timings_ms: m.timingsMs,
  };
}

/** Human-readable report: totals, per-core utilisation (binding limits), energy and latency. */
function printReport(m: MappingResult, io: CliIo): void {
  io.out(`${m.chipName}: ${m.fits ? 'fits' : 'DOES NOT FIT'} — ${m.coresUsed} core${m.coresUsed === 1 ? '' : 's'} on ${m.chipsUsed} chip${m.chipsUsed === 1 ? '' : 's'} (${m.coresPerChip} per chip)`);
  for (const v of m.violations) io.out(`  ${v.severity}: ${v.message}${v.suggestions.length ? ` — try: ${v.suggestions.join('; ')}` : ''}`);
  if (m.cores.length === 0) return;
  const binding = new Map<string, number>();
  for (const c of m.cores) binding.set(c.binding, (binding.get(c.binding) ?? 0) + 1);
  io.out(`binding constraints: ${[...binding].map(([k, n]) => `${k} on ${n} core${n === 1 ? '' : 's'}`).join(', ')}`);
  io.out('core'.padStart(6) + '  x,y'.padEnd(10) + 'neurons'.padStart(8) + '  utilisation (binding)');
  const shown = m.cores.slice(0, 24);
  for (const c of shown) {
    const u = Object.entries(c.utilisation).map(([k, v]) => `${k} ${(v * 100).toFixed(0)}%`).join(', ');
    io.out(String(c.index).padStart(6) + `  ${c.chip > 0 ? c.chip + ':' : ''}${c.x},${c.y}`.padEnd(10) + String(c.neurons).padStart(8) + `  ${u} (${c.binding})`);
  }
  if (m.cores.length > shown.length) io.out(`  … ${m.cores.length - shown.length} more cores (--json lists all)`);
  if (m.architecture === 'mesh') io.out(`packets per inference: ${m.packetsGreedy.toFixed(0)} after greedy partition, ${m.packetsRefined.toFixed(0)} after refinement`);
  if (m.architecture === 'mesh') io.out(`traffic × hops: ${m.trafficHopsInitial.toFixed(0)} (serpentine start) → ${m.trafficHopsFinal.toFixed(0)} (annealed); busiest link ${m.maxLinkLoadInitial.toFixed(0)} → ${m.maxLinkLoadFinal.toFixed(0)} packets`);
  else io.out(`fixed routing (${m.architecture}): ${m.counts.packets.toFixed(0)} packets per inference; ${m.notes.join('; ')}`);
  const e = m.energy;
  io.out(`energy per inference: ${formatSi(m.energyPerInferenceJ, 'J')} = synaptic ops ${formatSi(e.synOpsJ, 'J')} + neuron updates ${formatSi(e.neuronActiveJ + e.neuronIdleJ, 'J')} + routing ${formatSi(e.routingJ + e.chipLinksJ, 'J')} + weight reads ${formatSi(e.weightReadsJ, 'J')} + static ${formatSi(e.staticJ, 'J')}${e.dynamicJ > 0 ? ` + dynamic power ${formatSi(e.dynamicJ, 'J')}` : ''}`);
  const l = m.latency;
  io.out(`latency per inference: ${formatSi(m.latencyS, 's')} = compute ${formatSi(l.computeS, 's')} (bound by ${l.boundBy}, busiest core ${l.busiestCore}) + barriers ${formatSi(l.barrierS, 's')} + pipeline ${formatSi(l.pipelineS, 's')} + host I/O ${formatSi(l.ioS, 's')}`);
  io.out(`${m.counts.weightReads.toFixed(0)} weight-memory reads per inference (a source's weight row per step it sends in)`);
  for (const n of m.notes.filter((x) => x.startsWith('static power') || x.startsWith('the chip computes'))) io.out(`  ${n}`);
  io.out(`${m.counts.synOps.toFixed(0)} synaptic ops → ${m.efficiency.gopsPerW.toFixed(1)} GOp/s/W (${m.efficiency.pJPerOp.toFixed(1)} pJ/op; op = ${m.efficiency.opDefinition})`);
  io.out(`  (${neuEdgeNote()})`);
  for (const d of m.ann.devices) io.out(`  ANN twin on ${d.name}: ${formatSi(d.energyJ, 'J')} (${d.ratio.toFixed(1)}× the chip) [${d.status}]`);
}

/** `spikelab map`: maps a workspace on a chip; exit 3 when it does not fit. */
export async function mapCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      workspace: { type: 'string' },
      preset: { type: 'string' },
      model: { type: 'string' },
      data: { type: 'string' },
      chip: { type: 'string' },
      seed: { type: 'string' },
      'weight-bits': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const { workspace: ws0, model } = loadRunTarget(values);
  const seed = intOption('seed', values.seed, 0, 0xffffffff);
  const weightBits = intOption('weight-bits', values['weight-bits'], 1, 32);
  const base = chipTargetOf(ws0);
  // Another chip than the workspace's starts from that chip's own figures: the workspace's edits,
  // custom chip and weight bits belong to its chip.
  const other = values.chip !== undefined && values.chip !== base.id;
  const target = {
    ...(other ? { id: values.chip as string, seed: base.seed, congestion: base.congestion, overrides: {} } : base),
    ...(seed !== undefined ? { seed } : {}),
    ...(weightBits !== undefined ? { weightBits } : {}),
  };
  const ws = { ...ws0, chip: target };
  const engine = await createEngine('events');
  const files = values.data !== undefined ? workspaceFiles(ws, values.data) : undefined;
  let result: MappingResult;
  try {
    result = await mapWorkspace(ws, engine, { ...(model ? { weights: model.weights } : {}), ...(files ? { files } : {}) });
  } catch (e) {
    // Refused before mapping (too many neurons for the chip): --json still says fits: false, with the violation.
    if (values.json && e instanceof MappingError) {
      io.out(JSON.stringify({ chip: target.id, fits: false, violations: e.violations }));
      return EXIT.noFit;
    }
    throw e;
  } finally {
    engine.dispose();
  }
  if (values.json) {
    io.out(JSON.stringify(toJson(result)));
    return result.fits ? EXIT.ok : EXIT.noFit;
  }
  printReport(result, io);
  // A misfit ends as a MappingError (exit 3) with its first violation on standard error.
  assertFits(result);
  return EXIT.ok;
}
