import type { z } from 'zod';
import type { networkSchema } from '../../spec/network.ts';

/** A network as written in a workspace (defaults may be left out). */
export type NetworkInput = z.input<typeof networkSchema>;

/** The network a row rebuilds: the network itself, its time steps, and the rates that drive the recorded spikes. */
export interface NetworkPlan {
  readonly network: NetworkInput;
  /** Time steps of one inference and their length. */
  readonly steps: number;
  readonly dtMs: number;
  /** Firing rate of the input channels, and of every population unless `layerRatesHz` names it, Hz. */
  readonly inputRateHz: number;
  readonly layerRateHz: number;
  readonly layerRatesHz?: Readonly<Record<string, number>>;
  /** Whether the paper gives the sizes ('paper') or some were chosen here ('stand-in'), and where they come from. */
  readonly sizes: 'paper' | 'stand-in';
  readonly sizeSource: string;
  /** How the rates were set (the paper's figure, a measured activity profile, or an assumption and why). */
  readonly rateSource: string;
}

/** One measured network on one chip. */
export interface MeasuredRow {
  readonly id: string;
  readonly system: string;
  /** A chip profile id (chips/index.ts). */
  readonly chip: string;
  readonly network: string;
  readonly plan: NetworkPlan;
  /** Dynamic energy per inference as measured (idle or static power subtracted), J. */
  readonly measuredJ: number;
  /** 'reported': printed in the source; 'derived': computed from its figures or logs (see `source`). */
  readonly measured: 'reported' | 'derived';
  /**
   * Measured wall time of one inference when a host streams the input step by step, s; the model
   * charges the host-interface power over it. null when the chip runs without a host in the loop.
   */
  readonly wallS: number | null;
  readonly source: string;
  /** Held-out rows are never used to fit the model's free parameters. */
  readonly heldOut: boolean;
}

/** A spiking population fed through dense synapses from its sources ('in' = the input), for `denseNetwork`. */
export interface DenseLayer {
  readonly name: string;
  readonly units: number;
  readonly from: readonly string[];
}

/**
 * A network of dense groups into LIF populations: an input of `inputs` channels, and per layer one
 * dense group from each source (several sources sum their currents, which is one dense layer over
 * their concatenation).
 */
export function denseNetwork(inputs: number, layers: readonly DenseLayer[]): NetworkInput {
  const out: NetworkInput['layers'] = [{ kind: 'input', name: 'in', shape: [inputs] }];
  for (const l of layers) {
    const groups = l.from.map((src) => `${l.name}_w${src}`);
    l.from.forEach((src, i) => out.push({ kind: 'dense', name: groups[i] as string, inputs: [src], units: l.units }));
    out.push({ kind: 'spiking', name: l.name, inputs: groups, neuron: { model: 'lif' } });
  }
  return { layers: out };
}
