import { DOCUMENT_CATEGORIES } from './documentCases.ts';
import { FORMAT_CATEGORIES } from './formatCases.ts';
import { NIR_CATEGORY } from './nirCases.ts';
import type { ProbeCategory } from './probeCase.ts';
import { REAL_DATA_CATEGORY } from './realDataCases.ts';

/** Every category of the probe, in the order of its table; `--only NAME` picks among these names. */
export const PROBE_CATEGORIES: readonly ProbeCategory[] = [...FORMAT_CATEGORIES, REAL_DATA_CATEGORY, NIR_CATEGORY, ...DOCUMENT_CATEGORIES];
