import { NumberField } from '../controls/NumberField.tsx';
import { useStore } from '../store/index.ts';
import { FileDrop } from './FileDrop.tsx';
import { RecordList } from './RecordList.tsx';
import { useFieldError } from '../controls/useFieldError.ts';
import { SourceFields } from './SourceFields.tsx';
import { BUILT_INS, chooseSource, fitInputLayer } from './sourceChoice.ts';

const ENCODERS = ['levelCrossing', 'delta', 'rate', 'latency', 'hybrid', 'direct'] as const;

/** Where the input comes from (synthetic ECG or a dropped file) and the encoder of signals. */
export function DataPanel() {
  const data = useStore((s) => s.workspace?.data);
  const encoder = useStore((s) => s.workspace?.encoder);
  const seed = useStore((s) => s.workspace?.seed);
  const files = useStore((s) => s.files);
  const edit = useStore((s) => s.edit);
  const seedError = useFieldError('seed');
  if (!data || !encoder) return null;
  const current = data.kind === 'synthetic-ecg' ? 'synthetic' : 'checksum' in data ? data.checksum : data.kind;
  const choose = (value: string) => chooseSource(useStore, value);
  const setEncoder = (key: string, v: unknown) =>
    edit(`encoder.${key}`, (d) => {
      (d['encoder'] as Record<string, unknown>)[key] = v;
      fitInputLayer(d);
    });
  return (
    <section className="panel" aria-label="Data">
      <h2>Data</h2>
      <FileDrop />
      <RecordList />
      <div className="field">
        <label>
          source
          <select data-testid="source-select" value={current} onChange={(e) => choose(e.target.value)}>
            {BUILT_INS.map((b) => (
              <option key={b.value} value={b.value}>
                {b.label}
              </option>
            ))}
            {files.map((f) => (
              <option key={f.checksum} value={f.checksum}>
                {f.name.replace(/^.*[\\/]/, '')} ({f.kind === 'events' ? `${f.summary.events} events` : f.kind === 'images' ? `${f.summary.images} images` : `${f.channels.length} ch, ${f.summary.duration_s.toFixed(1)} s`})
              </option>
            ))}
          </select>
        </label>
      </div>
      <SourceFields />
      <NumberField label="seed" value={seed} step={1} error={seedError} onCommit={(v) => edit('seed', (d) => void (d['seed'] = v))} testId="seed" />
      {data.kind !== 'event-file' && data.kind !== 'synthetic-dvs' ? (
        <>
          <div className="field">
            <label>
              encoder
              <select
                data-testid="encoder"
                data-lesson-control="encoder"
                value={encoder.kind}
                onChange={(e) =>
                  edit('encoder', (d) => {
                    d['encoder'] = { kind: e.target.value };
                    fitInputLayer(d);
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
          {encoder.kind === 'delta' ? <NumberField label="threshold" unit="signal units" value={encoder.threshold} onCommit={(v) => setEncoder('threshold', v)} /> : null}
          {encoder.kind === 'rate' ? <NumberField label="max probability" unit="per step" value={encoder.maxProb} onCommit={(v) => setEncoder('maxProb', v)} /> : null}
          {encoder.kind === 'direct' ? (
            <>
              <NumberField label="gain" unit="current per unit" value={encoder.gain} onCommit={(v) => setEncoder('gain', v)} />
              <label className="field">
                normalise
                <select data-testid="direct-normalize" value={encoder.normalize} onChange={(e) => setEncoder('normalize', e.target.value)}>
                  <option value="minmax">each channel to [0, 1]</option>
                  <option value="zscore">whole sample: z-score</option>
                  <option value="zscoreChannel">each channel: z-score</option>
                </select>
              </label>
            </>
          ) : null}
        </>
      ) : (
        <div className="hint">Events are fed directly: one input neuron per pixel and polarity.</div>
      )}
    </section>
  );
}
