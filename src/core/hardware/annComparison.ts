import { ANN_DEVICES, annMacsPerPass } from './annDevices.ts';
import type { AnnComparison } from './mappingTypes.ts';
import type { PopulationGraph } from './populations.ts';

/**
 * The same network as an ANN (the ReLU twin) on conventional devices: MACs of one forward pass
 * times the passes an inference needs, at each device's energy per MAC, against the chip's energy.
 */
export function annComparison(graph: PopulationGraph, passes: number, snnJ: number): AnnComparison {
  const macsPerPass = annMacsPerPass(graph);
  const p = Math.max(1, passes);
  return {
    macsPerPass,
    passes: p,
    devices: ANN_DEVICES.map((d) => {
      const energyJ = macsPerPass * p * d.pJPerMac * 1e-12;
      return { id: d.id, name: d.name, pJPerMac: d.pJPerMac, energyJ, ratio: snnJ > 0 ? energyJ / snnJ : 0, status: d.status, source: d.source };
    }),
  };
}
