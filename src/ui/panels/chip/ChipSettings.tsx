import { NumberField } from '../../controls/NumberField.tsx';
import { useStore } from '../../store/index.ts';
import { useFieldError } from '../../controls/useFieldError.ts';
import { editChip, useBaseProfile, useChipTarget } from './chipState.ts';

/** Chip choice, placement seed (and a button for a new one), congestion weight and weight bits. */
export function ChipSettings() {
  const target = useChipTarget();
  const chips = useStore((s) => s.chips);
  const profile = useBaseProfile();
  const seedError = useFieldError('chip.seed');
  const congestionError = useFieldError('chip.congestion');
  const known = chips.some((c) => c.id === target.id);
  return (
    <section className="panel" aria-label="Chip settings">
      <h2>Target chip</h2>
      <div className="field">
        <label>
          chip
          <select
            data-testid="chip-select"
            data-lesson-control="chip-select"
            value={target.id}
            onChange={(e) =>
              // Overrides and weight bits belong to the chip they were made for.
              editChip(`chip ${e.target.value}`, (c) => {
                c.id = e.target.value;
                c.overrides = {};
                delete c.weightBits;
                delete c['custom'];
              })
            }
          >
            {known ? null : <option value={target.id}>{target.custom?.name ?? target.id}</option>}
            {chips.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="seed-row">
        <NumberField label="placement seed" value={target.seed} step={1} testId="chip-seed" error={seedError} onCommit={(v) => editChip('placement seed', (c) => void (c.seed = v ?? 1))} />
        <button
          type="button"
          data-testid="rerun-placement"
          title="partition refinement and annealing again with the next seed"
          onClick={() => editChip('new placement seed', (c) => void (c.seed = (c.seed + 1) % 0x1_0000_0000))}
        >
          Re-run placement
        </button>
      </div>
      <NumberField
        label="congestion weight"
        value={target.congestion}
        title="weight of the busiest link against packets × hops in the annealer's objective (0 … 100)"
        testId="chip-congestion"
        error={congestionError}
        onCommit={(v) => editChip('congestion weight', (c) => void (c.congestion = v ?? 0.5))}
      />
      <div className="field">
        <label>
          weight bits
          <select
            data-testid="chip-weight-bits"
            value={target.weightBits ?? ''}
            onChange={(e) =>
              editChip('weight bits', (c) => {
                if (e.target.value === '') delete c.weightBits;
                else c.weightBits = Number(e.target.value);
              })
            }
          >
            <option value="">chip default</option>
            {(profile?.weightBits ?? []).map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}
