import { SpecError } from '../errors.ts';
import { inferShapes, shapeSize } from '../network/shapes.ts';
import type { NetworkSpec } from '../spec/network.ts';
import { ANN_DEVICES, type AnnDevice } from './annDevices.ts';
import type { HeadTarget } from './chipTarget.ts';
import { transferCost } from './linkModel.ts';
import type { PipelineCost, PipelineStage } from './mappingTypes.ts';
import { formatEngineering } from '../format/engineering.ts';

/** One accumulator whose counts leave the chip: its name, how many counts, its window in steps. */
export interface CountOutput {
  readonly name: string;
  readonly size: number;
  /** Steps per window; undefined = the whole run (one transfer per inference). */
  readonly window: number | undefined;
}

/** What the pipeline is costed from: the spiking part's figures on the chip, the head, its target. */
export interface PipelineRequest {
  /** The chip's name, its energy and latency of one inference (the spiking part alone). */
  readonly chipId: string;
  readonly chipName: string;
  readonly chipEnergyJ: number;
  readonly chipLatencyS: number;
  /** Steps of one inference. */
  readonly steps: number;
  /** Multiply-accumulates of one pass of the ANN head (populations.ts). */
  readonly headMacs: number;
  readonly outputs: readonly CountOutput[];
  readonly target: HeadTarget;
}

/** The accumulators of a network with their output sizes and windows, in layer order. */
export function countOutputsOf(net: NetworkSpec): CountOutput[] {
  const { shapes, issues } = inferShapes(net);
  if (issues.length > 0) throw new SpecError(issues);
  const out: CountOutput[] = [];
  net.layers.forEach((l, i) => {
    if (l.kind === 'accumulator') out.push({ name: l.name, size: shapeSize(shapes[i] ?? [0]), window: l.window });
  });
  return out;
}

/** The ANN device of a head target; an unknown id, or a device without a MAC rate, is a clear error. */
export function headDevice(id: string): AnnDevice & { readonly macsPerS: number } {
  const d = ANN_DEVICES.find((x) => x.id === id);
  const timed = ANN_DEVICES.filter((x) => x.macsPerS !== null).map((x) => x.id);
  if (!d) throw new RangeError(`no ANN device '${id}' for the ANN head; the devices are ${timed.join(', ')}`);
  if (d.macsPerS === null) throw new RangeError(`'${id}' is an arithmetic floor with no MAC rate, so the head's latency is unknown; run the ANN head on one of ${timed.join(', ')}`);
  return { ...d, macsPerS: d.macsPerS };
}

/** Passes of one accumulator per inference: one per window begun, one for the whole run. */
export function passesOf(steps: number, window: number | undefined): number {
  if (!(steps >= 1)) throw new RangeError(`an inference has at least one step, not ${steps}`);
  return window === undefined ? 1 : Math.ceil(steps / window);
}

/**
 * The hybrid end to end. Stages run one after another, with no overlap: the chip runs the whole
 * inference, then each window's counts are sent and classified (a lower bound would overlap the
 * head's pass on window k with the chip's run of window k+1; we do not claim that). So latency and
 * energy are the sums of the stages, power their ratio. The transfer sends every accumulator's counts
 * at `bitsPerCount` bits once per pass; with several accumulators of different windows, each pass
 * carries all of them (an upper bound; the usual hybrid has one accumulator).
 */
export function pipelineCost(req: PipelineRequest): PipelineCost {
  if (req.outputs.length === 0) throw new RangeError('a pipeline needs at least one accumulator whose counts leave the chip');
  const device = headDevice(req.target.device);
  const steps = Math.max(1, Math.round(req.steps));
  const passes = Math.max(...req.outputs.map((o) => passesOf(steps, o.window)));
  const counts = req.outputs.reduce((a, o) => a + o.size, 0);
  const bitsPerTransfer = counts * req.target.bitsPerCount;
  const one = transferCost(req.target.link, bitsPerTransfer);
  const macs = req.headMacs * passes;
  const times = passes === 1 ? '' : `${passes} × `;
  const stages: PipelineStage[] = [
    { stage: `SNN on ${req.chipName}`, device: req.chipId, energyJ: req.chipEnergyJ, latencyS: req.chipLatencyS, detail: `${steps} steps` },
    {
      stage: 'transfer',
      device: 'host link',
      energyJ: passes * one.energyJ,
      latencyS: passes * one.latencyS,
      detail: `${times}${counts} counts × ${req.target.bitsPerCount} bit at ${formatEngineering(req.target.link.bandwidthBitsPerS, 'bit/s')}`,
    },
    { stage: `ANN on ${device.name}`, device: device.id, energyJ: macs * device.pJPerMac * 1e-12, latencyS: macs / device.macsPerS, detail: `${times}${req.headMacs} MACs` },
  ];
  const energyPerInferenceJ = stages.reduce((a, s) => a + s.energyJ, 0);
  const latencyS = stages.reduce((a, s) => a + s.latencyS, 0);
  return { stages, energyPerInferenceJ, latencyS, powerW: latencyS > 0 ? energyPerInferenceJ / latencyS : 0, passes, bitsPerTransfer };
}
