import type { StudyClaim, StudyResult } from '../../../core/study/studyTypes.ts';
import { energyRatio, ratioWords, rowsOfTask } from './studyColumns.ts';

/** Per task, each system against each costed baseline of its task: "26× less energy than IF over T steps (asic vs asic)". */
function ratioGroups(result: StudyResult): { task: string; lines: { system: string; against: string[] }[] }[] {
  return result.tasks
    .map((t) => {
      const rows = rowsOfTask(result.rows, t.id);
      const lines = rows
        .filter((r) => r.role === 'system')
        .map((s) => ({
          system: s.system,
          against: rows.filter((r) => r.role === 'baseline').flatMap((b) => {
            const ratio = energyRatio(s, b);
            return ratio === null ? [] : [`${ratioWords(ratio)} ${b.system}${b.device === s.device ? '' : ` (${b.device})`}`];
          }),
        }))
        .filter((l) => l.against.length > 0);
      return { task: t.label, lines };
    })
    .filter((g) => g.lines.length > 0);
}

/**
 * The paper's claims, each labelled as the paper's claim with its source, and under them our
 * measured energy ratios (the figures in the table sit beside them).
 */
export function StudyClaims({ claims, result }: { claims: readonly StudyClaim[]; result: StudyResult | null }) {
  const ours = result ? ratioGroups(result) : [];
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
          <h3>Ours, measured here: energy per inference</h3>
          <div data-testid="study-ratios">
            {ours.map((g) => (
              <div key={g.task} className="study-ours">
                <div className="hint">{g.task}</div>
                <ul>
                  {g.lines.map((l) => (
                    <li key={l.system}>
                      <b>{l.system}</b>: {l.against.join('; ')}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </>
      ) : null}
    </aside>
  );
}
