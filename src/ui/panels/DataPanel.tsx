import { encodedWidth } from '../../core/encoders/schema.ts';
import { NumberField } from '../controls/NumberField.tsx';
import { useStore } from '../store/index.ts';
import type { WorkspaceDraft } from '../store/workspaceSlice.ts';
import { useFieldError } from './NetworkPanel.tsx';

const ENCODERS = ['levelCrossing', 'delta', 'rate', 'latency', 'hybrid', 'direct'] as const;

/** Keeps the input layer as wide as the encoder's output after an encoder change. */
function fitInputLayer(d: WorkspaceDraft, channels: number): void {
  const enc = d['encoder'] as { kind: (typeof ENCODERS)[number]; levels?: number };
  const width = encodedWidth({ kind: enc.kind, levels: enc.levels ?? 16 } as Parameters<typeof encodedWidth>[0], channels);
  const input = d.network.layers[0];
  if (input) input['shape'] = [width];
}

/** The data source (synthetic ECG for now) and the encoder that turns it into spikes. */
export function DataPanel() {
  const data = useStore((s) => s.workspace?.data);
  const encoder = useStore((s) => s.workspace?.encoder);
  const seed = useStore((s) => s.workspace?.seed);
  const edit = useStore((s) => s.edit);
  const seedError = useFieldError('seed');
  if (!data || !encoder) return null;
  const setData = (key: string, v: number | undefined) => edit(`data.${key}`, (d) => void ((d['data'] as Record<string, unknown>)[key] = v));
  const setEncoder = (key: string, v: unknown) =>
    edit(`encoder.${key}`, (d) => {
      (d['encoder'] as Record<string, unknown>)[key] = v;
      fitInputLayer(d, 1);
    });
  return (
    <section className="panel" aria-label="Data">
      <h2>Data</h2>
      <div className="hint">Synthetic ECG (seeded)</div>
      <NumberField label="heart rate" unit="bpm" value={data.heartRateBpm} onCommit={(v) => setData('heartRateBpm', v)} testId="heart-rate" />
      <NumberField label="duration" unit="s" value={data.durationS} onCommit={(v) => setData('durationS', v)} />
      <NumberField label="HRV" unit="fraction of RR" value={data.hrvFraction} onCommit={(v) => setData('hrvFraction', v)} />
      <NumberField label="noise" unit="mV" value={data.noiseMv} onCommit={(v) => setData('noiseMv', v)} />
      <NumberField label="seed" value={seed} step={1} error={seedError} onCommit={(v) => edit('seed', (d) => void (d['seed'] = v))} testId="seed" />
      <div className="field">
        <label>
          encoder
          <select
            data-testid="encoder"
            value={encoder.kind}
            onChange={(e) =>
              edit('encoder', (d) => {
                d['encoder'] = { kind: e.target.value };
                fitInputLayer(d, 1);
              })
            }
          >
            {ENCODERS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
      </div>
      {encoder.kind === 'levelCrossing' ? <NumberField label="levels" value={encoder.levels} step={1} onCommit={(v) => setEncoder('levels', v)} /> : null}
      {encoder.kind === 'delta' ? <NumberField label="threshold" unit="mV" value={encoder.threshold} onCommit={(v) => setEncoder('threshold', v)} /> : null}
      {encoder.kind === 'rate' ? <NumberField label="max probability" unit="per step" value={encoder.maxProb} onCommit={(v) => setEncoder('maxProb', v)} /> : null}
    </section>
  );
}
