import { formatEngineering } from '../../../core/format/engineering.ts';
import type { StudyRow, StudyStage } from '../../../core/study/studyTypes.ts';
import { stagesSummary } from './studyColumns.ts';

const joules = (j: number | null) => (j === null ? '—' : formatEngineering(j, 'J'));
const seconds = (s: number | null) => (s === null ? '—' : formatEngineering(s, 's'));

/**
 * A split system's stages under its row, folded: each stage's device, energy, latency and what it
 * moves or computes, and the totals (the row's own energy and latency, which runStudy sums from them).
 */
export function StudyStages({ row, stages }: { row: StudyRow; stages: readonly StudyStage[] }) {
  return (
    <details className="study-stages" data-testid="study-stages">
      <summary>{stagesSummary(stages)}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">stage</th>
            <th scope="col">device</th>
            <th scope="col" className="num">energy / inf.</th>
            <th scope="col" className="num">latency</th>
            <th scope="col">what it does</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((s) => (
            <tr key={s.stage} data-testid="study-stage" data-energy={s.energy_j ?? ''} data-latency={s.latency_s ?? ''}>
              <th scope="row">{s.stage}</th>
              <td>{s.device}</td>
              <td className="num">{joules(s.energy_j)}</td>
              <td className="num">{seconds(s.latency_s)}</td>
              <td className="study-stage-detail">{s.detail}</td>
            </tr>
          ))}
          <tr className="study-stage-total" data-testid="study-stage-total">
            <th scope="row">total</th>
            <td />
            <td className="num">{joules(row.energy_per_inference_j)}</td>
            <td className="num">{seconds(row.latency_s)}</td>
            <td />
          </tr>
        </tbody>
      </table>
    </details>
  );
}
