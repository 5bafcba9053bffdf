import { z } from 'zod';

/**
 * A data link between two devices: an edge device's radio to a server (ECC-SNN's offloading), or
 * the host link between a neuromorphic chip and the device running the ANN part of a hybrid. One
 * transfer costs bits ÷ bandwidth plus a fixed latency (the round trip of a request, or the link's
 * one-way latency), and the sender's energy per bit.
 */
export const linkModelSchema = z.object({
  /** Sustained payload rate, bit/s. */
  bandwidthBitsPerS: z.number().positive().max(1e13),
  /** Time every transfer costs besides its bits: the round trip of a request to a server, the host link's latency. */
  latencyS: z.number().min(0).max(60),
  /** The sender's energy per bit sent (the radio's, for an edge device), J. */
  energyPerBitJ: z.number().min(0).max(1e-3),
});

export type LinkModel = z.output<typeof linkModelSchema>;

/** Cost of one transfer of `bits` over a link. */
export interface TransferCost {
  readonly latencyS: number;
  readonly energyJ: number;
}

/** What sending `bits` costs: bits ÷ bandwidth + the fixed latency, and bits × energy per bit. */
export function transferCost(link: LinkModel, bits: number): TransferCost {
  if (!(bits >= 0)) throw new RangeError(`a transfer carries a non-negative number of bits, not ${bits}`);
  return { latencyS: bits / link.bandwidthBitsPerS + link.latencyS, energyJ: bits * link.energyPerBitJ };
}

/**
 * An edge device's radio to a cloud server: 10 Mbit/s uplink, 40 ms round trip, 100 nJ per bit.
 * Defaults to edit, not measurements: Wi-Fi uplinks run at 10–100 Mbit/s and LTE's radio spends
 * roughly 0.1–1 µJ per bit (Huang et al., MobiSys 2012, report LTE uplink energy of this order).
 */
export const EDGE_TO_CLOUD_LINK: LinkModel = { bandwidthBitsPerS: 10e6, latencyS: 0.04, energyPerBitJ: 100e-9 };

/**
 * A neuromorphic chip's host link to the board that runs the ANN part: USB 2.0-class, 400 Mbit/s
 * payload, 1 ms per transfer, 10 nJ per bit (Loihi's Kapoho Bay hangs off USB; the figures are
 * defaults to edit, of the order of USB controller energies, not measurements).
 */
export const CHIP_HOST_LINK: LinkModel = { bandwidthBitsPerS: 400e6, latencyS: 0.001, energyPerBitJ: 10e-9 };
