import { HYBRID_DVS_STUDY } from './studies/hybridDvs.ts';
import { ECC_SNN_STUDY } from './studies/eccSnn.ts';
import { NEUEDGE_STUDY } from './studies/neuedge.ts';
import { SPARROWSNN_STUDY } from './studies/sparrowsnn.ts';
import type { StudyDefinition } from './studyTypes.ts';

/**
 * The only list of studies: one entry per study, looked up by id (the Studies menu and
 * `spikelab study NAME` both read it). Adding a study = one file in studies/ and one line here.
 */
export const STUDIES: Readonly<Record<string, StudyDefinition>> = {
  // In the order of SEEDS.md, which is the Studies menu's.
  neuedge: NEUEDGE_STUDY,
  sparrowsnn: SPARROWSNN_STUDY,
  'ecc-snn': ECC_SNN_STUDY,
  'hybrid-dvs': HYBRID_DVS_STUDY,
};

/** Looks up a study; an unknown id lists the ones that exist. */
export function studyDefinition(id: string): StudyDefinition {
  const s = Object.hasOwn(STUDIES, id) ? STUDIES[id] : undefined;
  if (!s) throw new Error(`no study '${id}'; the studies are ${Object.keys(STUDIES).join(', ') || '(none yet)'}`);
  return s;
}
