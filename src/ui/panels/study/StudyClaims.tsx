import type { StudyClaim, StudyResult } from '../../../core/study/studyTypes.ts';
import { energyRatio, ratioWords, rowsOfTask } from './studyColumns.ts';

/** "SSF, 4-bit weights: 26× less energy than IF over T steps (ECG beats; …)": each system against each costed baseline of its task. */
function ratioLines(result: StudyResult): string[] {
  const lines: string[] = [];
  for (const t of result.tasks) {
    const rows = rowsOfTask(result.rows, t.id);
    for (const s of rows.filter((r) => r.role === 'system'))
      for (const b of rows.filter((r) => r.role === 'baseline')) {
        const ratio = energyRatio(s, b);
        if (ratio !== null) lines.push(`${s.system}: ${ratioWords(ratio)} ${b.system} (${t.label}; ${s.device} vs ${b.device})`);
      }
  }
  return lines;
}

/**
 * The paper's claims, each labelled as the paper's claim with its source, and under them our
 * measured energy ratios (the figures in the table sit beside them).
 */
export function StudyClaims({ claims, result }: { claims: readonly StudyClaim[]; result: StudyResult | null }) {
  const ours = result ? ratioLines(result) : [];
  return (
    <aside className="study-claims" aria-label="The paper's claims" data-testid="study-claims">
      <h3>The paper&rsquo;s claims</h3>
      {claims.length === 0 ? <p className="hint">The study lists no claims.</p> : null}
      <dl>
        {claims.map((c) => (
          <div key={`${c.metric} ${c.source}`} className="study-claim" data-testid="study-claim">
            <dt>{c.metric}</dt>
            <dd>
              <span className="claim-label">paper&rsquo;s claim:</span> <b>{c.value}</b> <span className="hint">({c.source})</span>
            </dd>
          </div>
        ))}
      </dl>
      {ours.length > 0 ? (
        <>
          <h3>Ours, measured here</h3>
          <ul className="study-ours" data-testid="study-ratios">
            {ours.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </>
      ) : null}
    </aside>
  );
}
