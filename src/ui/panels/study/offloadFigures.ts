import type { OffloadSummary } from '../../../core/study/offload.ts';
import type { StudyClaim } from '../../../core/study/studyTypes.ts';

/** A signed number with a real minus sign: "+4.2", "−79.4". */
function signed(x: number, digits: number): string {
  const t = Math.abs(x).toFixed(digits);
  // −0.0 and +0.0 both read "0.0": no sign on what rounds to zero.
  if (Number(t) === 0) return t;
  return `${x > 0 ? '+' : '\u2212'}${t}`;
}

/** One line of the summary against the paper: ours, and what the paper claims for the same figure. */
export interface SummaryLine {
  readonly key: 'accuracy_gain_points' | 'edge_energy_change' | 'latency_change';
  readonly label: string;
  readonly ours: string;
  /** The paper's claim for this figure (the study's claim of that metric), or null when the study states none. */
  readonly claim: string | null;
}

/** The study claim each summary figure is set beside, by its `metric` (studies/eccSnn.ts). */
const CLAIM_METRIC: Readonly<Record<SummaryLine['key'], string>> = { accuracy_gain_points: 'accuracy', edge_energy_change: 'edge energy', latency_change: 'latency' };

/**
 * ECC-SNN's three headline figures at the slider's threshold as the paper states them: accuracy
 * gained over the edge SNN trained alone (points), and the edge energy and latency changed
 * against sending everything to the cloud (%).
 */
export function summaryLines(s: OffloadSummary, claims: readonly StudyClaim[]): SummaryLine[] {
  const claim = (key: SummaryLine['key']) => claims.find((c) => c.metric === CLAIM_METRIC[key])?.value ?? null;
  return [
    { key: 'accuracy_gain_points', label: 'accuracy over the SNN alone', ours: `${signed(s.accuracy_gain_points, 1)} points`, claim: claim('accuracy_gain_points') },
    { key: 'edge_energy_change', label: 'edge energy vs cloud only', ours: `${signed(100 * s.edge_energy_change, 1)} %`, claim: claim('edge_energy_change') },
    { key: 'latency_change', label: 'latency vs cloud only', ours: `${signed(100 * s.latency_change, 1)} %`, claim: claim('latency_change') },
  ];
}
