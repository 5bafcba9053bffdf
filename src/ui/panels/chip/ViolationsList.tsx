import { formatCount } from '../../../core/format/engineering.ts';
import { useStore } from '../../store/index.ts';
import { useMappingResult } from './chipState.ts';

/**
 * Why the network does not fit the chip (or maps with caveats): per violated limit, the layer, the
 * constraint, the limit against the value needed, the message and what to change. A misfit is a
 * normal result: the rest of the view still shows the best mapping the chip allowed.
 */
export function ViolationsList() {
  const r = useMappingResult();
  const fromError = useStore((s) => s.mapErrorViolations);
  const violations = fromError.length > 0 ? fromError : (r?.violations ?? []);
  if (violations.length === 0) return null;
  const errors = violations.filter((v) => v.severity === 'error').length;
  return (
    <section className="panel violations" aria-label="Violations" data-testid="violations">
      <h2>
        {errors > 0 ? `Does not fit ${r?.chipName ?? 'the chip'}: ${errors} limit${errors > 1 ? 's' : ''} broken` : 'Maps with warnings'}
      </h2>
      <ul>
        {violations.map((v, i) => (
          <li key={`${v.layer}-${v.constraint}-${i}`} className={`violation ${v.severity}`} data-testid={`violation-${v.constraint}`}>
            <div>
              <span className={`badge ${v.severity === 'error' ? 'bad' : 'warn'}`}>{v.severity}</span> <b>{v.layer}</b> · <code>{v.constraint}</code>
              {/* Rules without a quantity (a neuron model the chip lacks) come with limit 0: their message says it all. */}
              {v.limit > 0 ? (
                <>
                  {' '}
                  · needs <b>{formatCount(v.value)}</b>, limit {formatCount(v.limit)} ({(v.value / v.limit).toFixed(2)}×)
                </>
              ) : null}
            </div>
            <div>{v.message}</div>
            {v.suggestions.length > 0 ? <div className="hint">try: {v.suggestions.join('; ')}</div> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
