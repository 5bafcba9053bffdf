import { SpecError, type Violation } from '../errors.ts';
import { shapeSize, type Shape } from '../network/shapes.ts';
import type { LayerSpec } from '../spec/network.ts';
import type { ChipProfile } from './chipProfile.ts';
import type { PopulationGraph } from './populations.ts';
import { windowGeometry } from './windowGeometry.ts';

type SingleCore = NonNullable<ChipProfile['singleCore']>;

/** What a single-core chip (Xylo) makes of a network: the design-rule violations and its sizes. */
export interface SingleCoreReport {
  readonly violations: Violation[];
  /** Neurons of every population but the last (the output layer). */
  readonly hidden: number;
  readonly outputs: number;
  readonly inputs: number;
  /** Largest number of hidden neurons one hidden neuron drives (recurrent weights W_rec). */
  readonly maxFanout: number;
  /** Worst-case clock cycles per dt (every input, hidden and output neuron fires). */
  readonly cyclesPerStep: number;
  /** Clock the worst case needs to keep up with real time at step dtMs, Hz: cycles·(1 + margin)/dt. */
  clockHzFor(dtMs: number, margin?: number): number;
}

/** Options: the step the chip must keep up with, and the safety margin on the clock. */
export interface SingleCoreOptions {
  readonly dtMs?: number;
  /** Fraction added to the worst case; rockpool est_clock_freq uses 0.2. */
  readonly clockMargin?: number;
}

const SUGGEST: Readonly<Record<string, readonly string[]>> = {
  neuron_layers: ['add a hidden spiking layer before the output layer'],
  missing_weights: ['put a dense or conv2d layer between these neuron layers'],
  consecutive_weights: ['merge the weight layers into one, or put a spiking layer between them', 'fold pooling into the next layer’s weights'],
  neuron_model: ["use 'lif', 'cubaLif' or 'if' neurons"],
  output_neurons: ['end the network with the read-out (or the last spiking layer) and read nothing else'],
  input_channels: ['reduce the input to 16 channels (e.g. fewer filter-bank bands)'],
  output_channels: ['use at most 8 output neurons, e.g. fewer classes or a shared code'],
  hidden_neurons: ['use fewer hidden neurons', 'map onto another chip'],
  fanout: ['use fewer units in the next layer', 'use a sparser (conv) projection', 'map onto another chip'],
  clock: ['use a longer dt', 'use fewer or smaller layers'],
};

function violation(layer: string, constraint: string, limit: number, value: number, message: string, severity: Violation['severity'] = 'error'): Violation {
  return { layer, constraint, limit, value, severity, message, suggestions: SUGGEST[constraint] ?? ['map onto another chip'] };
}

/**
 * Per input index along one axis: how many windows (k taps d apart, stride s, padding p, m
 * outputs) read it; max and sum. Output o reads inputs o·s − p + d·t, t = 0…k−1 (layerGeometry.ts).
 */
function axisCover(n: number, k: number, s: number, d: number, p: number, m: number): { worst: number; total: number } {
  let worst = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let count = 0;
    for (let t = 0; t < k; t++) {
      const os = i + p - d * t;
      if (os >= 0 && os % s === 0 && os / s < m) count += 1;
    }
    worst = Math.max(worst, count);
    total += count;
  }
  return { worst, total };
}

/**
 * Targets per source neuron of a projection (the chain of layers between two populations): the
 * worst neuron's count, and the synapses in all. A conv drives k·k·filters outputs, fewer at the
 * borders; for chains of several layers the counts multiply (an upper bound).
 */
export function projectionFanout(inShape: Shape, ops: readonly LayerSpec[]): { worst: number; synapses: number } {
  let shape = inShape;
  let worst = 1;
  let perSource = 1;
  for (const op of ops) {
    const inSize = shapeSize(shape);
    if (op.kind === 'dense') {
      worst *= op.units;
      perSource *= op.units;
      shape = [op.units];
    } else if (op.kind === 'flatten') {
      shape = [inSize];
    } else if ((op.kind === 'conv2d' || op.kind === 'pool2d') && shape.length === 3) {
      const [h, w, c] = shape;
      const g = windowGeometry(op, h, w);
      const oh = g.outH;
      const ow = g.outW;
      const rows = axisCover(h, g.kh, g.sh, g.dh, g.pads[0], oh);
      const cols = axisCover(w, g.kw, g.sw, g.dw, g.pads[2], ow);
      // A grouped conv's input channel reaches only its group's filters.
      const perChannel = op.kind === 'conv2d' ? op.filters / (op.groups ?? 1) : 1;
      worst *= rows.worst * cols.worst * perChannel;
      perSource *= (rows.total * cols.total * perChannel) / (h * w);
      shape = [oh, ow, op.kind === 'conv2d' ? op.filters : c];
    }
  }
  return { worst, synapses: shapeSize(inShape) * perSource };
}

/** Layers that are synaptic weights on a single core; pooling is a fixed weight matrix there too. */
function weightOps(ops: readonly LayerSpec[]): number {
  return ops.filter((op) => op.kind === 'dense' || op.kind === 'conv2d' || op.kind === 'pool2d').length;
}

function singleCoreOf(chip: ChipProfile): SingleCore {
  if (!chip.singleCore) throw new SpecError([{ path: 'chip.singleCore', message: `chip '${chip.id}' has no single-core design rules` }]);
  return chip.singleCore;
}

/**
 * The design rules of rockpool's Xylo mapper (xylo_mapper.py) that apply to feed-forward specs:
 * at least two neuron layers; every neuron layer fed by exactly one weight layer; supported neuron
 * models; only the last layer is read out; input channels and outputs within the chip (outputs
 * beyond it fail rockpool's id allocation, so they are errors); hidden neurons and per-neuron
 * fan-out within the chip; and, given dtMs, a clock within the chip's highest.
 */
export function xyloDesignRules(graph: PopulationGraph, chip: ChipProfile, options: SingleCoreOptions = {}): SingleCoreReport {
  const sc = singleCoreOf(chip);
  const pops = graph.populations;
  const violations: Violation[] = [];
  const output = pops[pops.length - 1];
  const outName = output?.name ?? graph.input.name;
  if (pops.length < 2) violations.push(violation(outName, 'neuron_layers', 2, pops.length, `the network has ${pops.length} neuron layer(s); the chip needs a hidden and an output layer`));
  if (!output) violations.push(violation(graph.input.name, 'output_neurons', 1, 0, 'nothing is read out: the output must come from neurons'));
  pops.forEach((pop, i) => {
    for (const group of pop.groups) {
      const w = weightOps(group.ops);
      const from = group.from < 0 ? graph.input.name : (pops[group.from]?.name ?? '?');
      if (w === 0) violations.push(violation(pop.name, 'missing_weights', 1, 0, `${pop.name} is fed from ${from} without weights; every neuron layer must receive its input through one weight layer`));
      if (w > 1) violations.push(violation(pop.name, 'consecutive_weights', 1, w, `${pop.name} is fed from ${from} by ${w} weight layers in a row [${group.ops.map((op) => op.kind).join(' → ')}]; the chip allows one`));
    }
    if (pop.kind === 'spiking' && !sc.neuronModels.includes(pop.model)) {
      violations.push(violation(pop.name, 'neuron_model', 1, 0, `${pop.name} uses '${pop.model}' neurons; the chip implements ${sc.neuronModels.join(', ')}`));
    }
    if (pop.kind === 'readout' && i < pops.length - 1) {
      violations.push(violation(pop.name, 'output_neurons', 1, 0, `read-out ${pop.name} feeds further layers; only the output layer can be read out`));
    }
  });
  const inputs = graph.input.size;
  const outputs = output ? output.size : 0;
  const hiddenPops = pops.slice(0, Math.max(0, pops.length - 1));
  const hidden = hiddenPops.reduce((a, p) => a + p.size, 0);
  if (inputs > sc.maxInputs) violations.push(violation(graph.input.name, 'input_channels', sc.maxInputs, inputs, `the input has ${inputs} channels; the chip has ${sc.maxInputs} input channels`));
  if (outputs > sc.maxOutputs) {
    violations.push(violation(outName, 'output_channels', sc.maxOutputs, outputs, `${outName} has ${outputs} neurons; the chip has ${sc.maxOutputs} output neurons (rockpool warns, then cannot allocate the ids)`));
  }
  if (hidden > sc.maxHidden) violations.push(violation(hiddenPops[0]?.name ?? outName, 'hidden_neurons', sc.maxHidden, hidden, `the hidden layers have ${hidden} neurons together; the chip has ${sc.maxHidden}`));
  // Hidden → hidden projections are the recurrent matrix W_rec, which the fan-out limit bounds;
  // the last hidden layer reaches the outputs through the separate W_out.
  let maxFanout = 0;
  let recurrentSynapses = 0;
  // Loops between hidden neurons (an RSNN's recurrent groups) are W_rec entries like any other.
  pops.forEach((pop) => {
    for (const group of pop.groups) {
      const src = pops[group.from];
      if (pop === output || group.from < 0 || !src) continue;
      const f = projectionFanout(group.inShape, group.ops);
      recurrentSynapses += f.synapses;
      maxFanout = Math.max(maxFanout, f.worst);
      if (f.worst > sc.maxFanout) {
        violations.push(violation(src.name, 'fanout', sc.maxFanout, f.worst, `each neuron of ${src.name} drives up to ${f.worst} neurons of ${pop.name}; the chip allows ${sc.maxFanout}`));
      }
    }
  });
  // Xylo's output layer has no recurrent weights: a loop into it, or any input into it but W_out from the hidden layers, cannot be placed.
  for (const group of output?.groups ?? []) {
    if (group.recurrent && output) violations.push(violation(output.name, 'output_recurrence', 0, 1, `${output.name} reads ${pops[group.from]?.name ?? graph.input.name} a step late; the chip's output neurons have no recurrent weights`));
  }
  const c = sc.cycles;
  const fanoutAvg = hidden > 0 ? recurrentSynapses / hidden : 0;
  // rockpool syns61201 cycles_model with every spike probability 1 and no alias connections.
  const cyclesPerStep =
    inputs * (c.perInput + hidden * c.perInputSpikePerHidden) +
    hidden * (c.perHiddenIsyn + fanoutAvg * c.perHiddenSynapse) +
    hidden * (c.perHiddenToOutput + outputs * c.perHiddenPerOutput) +
    hidden * (c.perHidden + c.perHiddenFiring) +
    outputs * c.perOutput;
  const defaultMargin = options.clockMargin ?? 0.2;
  const clockHzFor = (dtMs: number, margin = defaultMargin): number => (cyclesPerStep * (1 + margin)) / (dtMs / 1000);
  if (options.dtMs !== undefined) {
    const need = clockHzFor(options.dtMs);
    if (need > sc.maxClockHz) {
      const mhz = (hz: number): string => `${(hz / 1e6).toFixed(1)} MHz`;
      violations.push(violation(outName, 'clock', sc.maxClockHz, need, `the worst case needs ${Math.round(cyclesPerStep)} cycles per ${options.dtMs} ms step, a ${mhz(need)} clock; the chip runs at most ${mhz(sc.maxClockHz)}`));
    }
  }
  return { violations, hidden, outputs, inputs, maxFanout, cyclesPerStep, clockHzFor };
}
