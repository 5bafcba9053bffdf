import { formatEngineering } from '../../../core/format/engineering.ts';
import type { StudyOffloadPoint } from '../../../core/study/studyTypes.ts';

/** A figure of an offload point: the field it shows, its label with the unit, and its text. */
export interface OffloadFigure {
  readonly key: 'offloaded' | 'accuracy' | 'edge_energy_j' | 'latency_s';
  readonly label: string;
  readonly title: string;
  readonly format: (value: number) => string;
}

/** "12.5 %" from a fraction. */
export const formatPercent = (fraction: number): string => (Number.isFinite(fraction) ? `${(100 * fraction).toFixed(1)} %` : '—');

/**
 * The figures beside the slider, in order, and the one list the curves' panels are drawn from
 * (offloadCurveGeometry): the share sent to the cloud, the system's accuracy, the edge's energy
 * and the mean end-to-end latency per sample.
 */
export const OFFLOAD_FIGURES: readonly OffloadFigure[] = [
  { key: 'offloaded', label: 'offloaded', title: 'share of the test samples sent to the cloud ANN', format: formatPercent },
  { key: 'accuracy', label: 'system accuracy', title: 'accuracy of the edge–cloud system: the edge answers what it keeps, the cloud the rest', format: formatPercent },
  { key: 'edge_energy_j', label: 'edge energy / sample', title: "the edge device's energy per sample: its SNN (unless everything is sent) and the radio for what it sends", format: (j) => formatEngineering(j, 'J') },
  { key: 'latency_s', label: 'mean latency', title: "mean end-to-end latency per sample: the edge's, plus upload, round trip and the cloud's compute for what is sent", format: (s) => formatEngineering(s, 's') },
];

/** A figure's text at a point. */
export function figureText(point: StudyOffloadPoint, figure: OffloadFigure): string {
  return figure.format(point[figure.key]);
}

/** The slider's thresholds, 0 to 1 in steps of 0.01: the curves are drawn at each, so they pass through every slider position. */
export const SLIDER_THRESHOLDS: readonly number[] = Array.from({ length: 101 }, (_, i) => i / 100);

/**
 * A panel's value axis: offloaded share and accuracy over the whole 0–1; energy and latency from
 * 0 (a bar of comparison, not a zoom on the change) to a little above the largest value, so the
 * curve never runs along the frame. [0, 1] unit when every value is 0.
 */
export function seriesDomain(key: OffloadFigure['key'], values: readonly number[]): readonly [number, number] {
  if (key === 'offloaded' || key === 'accuracy') return [0, 1];
  const max = Math.max(0, ...values.filter(Number.isFinite));
  return [0, max > 0 ? max * 1.08 : 1];
}
