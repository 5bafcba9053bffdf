import { checkSignature } from '../../../core/teach/neuronTeachingSignatures.ts';
import { neuronTeaching, teachableKinds } from '../../../core/teach/neuronTeaching.ts';
import { neuronModel } from '../../../core/neurons/index.ts';
import type { PlaygroundRun } from '../../../core/teach/playgroundRun.ts';
import { useStore } from '../../store/index.ts';

/** The last pattern clicked, while the setup is still the one it made (any edit ends it). */
export interface ShownPattern {
  readonly id: string;
  readonly setup: unknown;
}

/**
 * The firing patterns, one button each: the current model's first, the others' under a
 * disclosure. The pattern last applied says why it looks so and whether its signature shows.
 */
export function PatternButtons({ run, shown, onShow }: { run: PlaygroundRun | null; shown: ShownPattern | null; onShow(p: ShownPattern): void }) {
  const setup = useStore((s) => s.playground);
  const kind = setup.neuron.model;
  const apply = (id: string) => {
    const st = useStore.getState();
    if (st.editPlayground({ kind: 'pattern', id }) !== null) return;
    onShow({ id, setup: useStore.getState().playground });
    st.recordLessonAction?.(`pattern:${id}`);
  };
  const active = shown && shown.setup === setup ? neuronTeaching(kind).patterns.find((p) => p.id === shown.id) : undefined;
  const verdict = active && run ? checkSignature(active.signature, run.first, run.dtMs) : null;
  const buttons = (k: string) =>
    neuronTeaching(k).patterns.map((p) => (
      <button key={p.id} type="button" data-testid={`pg-pattern-${p.id}`} aria-pressed={active?.id === p.id} title={p.why} onClick={() => apply(p.id)}>
        {p.label}
      </button>
    ));
  return (
    <section className="pg-patterns" data-lesson-control="pg-patterns" aria-label="Firing patterns">
      <h3>Firing patterns</h3>
      <div className="pg-chips">{buttons(kind)}</div>
      <details>
        <summary>Other models’ patterns</summary>
        {teachableKinds()
          .filter((k) => k !== kind)
          .map((k) => (
            <div key={k} className="pg-chips" role="group" aria-label={neuronModel(k).label}>
              <span className="hint">{neuronModel(k).label}:</span>
              {buttons(k)}
            </div>
          ))}
      </details>
      {active ? (
        <p className="pg-why" data-testid="pg-pattern-why" aria-live="polite">
          {active.why}
          {verdict ? <span className={verdict.shown ? 'pg-ok' : 'pg-miss'}> Seen: {active.signature} — {verdict.detail}.</span> : null}
        </p>
      ) : null}
    </section>
  );
}
