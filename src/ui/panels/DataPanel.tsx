import type { LoadedRecord } from '../../core/data/fileStore.ts';
import { encoderSchema } from '../../core/encoders/schema.ts';
import { inputWidth } from '../../core/spec/parseWorkspace.ts';
import { ecgDataset, trainingSchema } from '../../core/train/config.ts';
import { dataSourceSchema } from '../../core/spec/workspace.ts';
import { NumberField } from '../controls/NumberField.tsx';
import { useStore } from '../store/index.ts';
import type { WorkspaceDraft } from '../store/workspaceSlice.ts';
import { FileDrop } from './FileDrop.tsx';
import { RecordList } from './RecordList.tsx';
import { useFieldError } from './NetworkPanel.tsx';
import { SourceFields } from './SourceFields.tsx';

const ENCODERS = ['levelCrossing', 'delta', 'rate', 'latency', 'hybrid', 'direct'] as const;

/**
 * Keeps the input layer as wide as what the data source and encoder produce. When either is
 * invalid the draft is left alone and validation reports the real problem.
 */
export function fitInputLayer(d: WorkspaceDraft): void {
  const data = dataSourceSchema.safeParse(d['data']);
  const encoder = encoderSchema.safeParse(d['encoder']);
  const training = trainingSchema.optional().safeParse(d['training']);
  const input = d.network.layers[0];
  if (data.success && encoder.success && training.success && input) input['shape'] = [inputWidth({ data: data.data, encoder: encoder.data, training: training.data })];
}

/** A workspace trained on beat windows of several leads takes as many channels from its new source. */
function matchBeatLeads(d: WorkspaceDraft, r: LoadedRecord | undefined): void {
  const training = trainingSchema.optional().safeParse(d['training']);
  const beats = training.success ? ecgDataset(training.data) : undefined;
  const data = d['data'] as Record<string, unknown>;
  if (beats?.input !== 'window' || beats.leads < 2) return;
  if (data['kind'] === 'synthetic-ecg') data['leads'] = beats.leads;
  else if (data['kind'] === 'signal-file' && r && r.channels.length >= beats.leads) data['channels'] = beats.leads;
}

/** Built-in generators offered in the source menu, with the data source each starts from. */
const BUILT_INS: readonly { value: string; label: string; source: Record<string, unknown>; encoder?: Record<string, unknown> }[] = [
  { value: 'synthetic', label: 'Synthetic ECG (seeded)', source: { kind: 'synthetic-ecg' } },
  { value: 'synthetic-eeg', label: 'Synthetic EEG, 8 channels', source: { kind: 'synthetic-eeg' }, encoder: { kind: 'delta', threshold: 5 } },
  { value: 'synthetic-dvs', label: 'Synthetic event camera', source: { kind: 'synthetic-dvs' } },
  { value: 'synthetic-audio', label: 'Synthetic spoken digit', source: { kind: 'synthetic-audio' }, encoder: { kind: 'rate', maxProb: 0.3 } },
];

/** Workspace data source for a loaded record (a default window of it). */
function sourceFor(r: LoadedRecord): Record<string, unknown> {
  if (r.kind === 'images') {
    const [, height = 1, width = 1] = r.summary.dims ?? [];
    return { kind: 'image-file', file: r.name, checksum: r.checksum, width, height, index: 0, steps: 50 };
  }
  if (r.kind === 'events') {
    const span = (r.summary.t_last_us ?? 0) - (r.summary.t_first_us ?? 0);
    return { kind: 'event-file', file: r.name, checksum: r.checksum, width: r.summary.width ?? 1, height: r.summary.height ?? 1, durationUs: Math.max(1000, Math.min(1_000_000, span + 1)) };
  }
  // Audio goes through the mel front end by default: a raw 8 kHz waveform is no spike-coding input.
  if (r.summary.format === 'wav') return { kind: 'signal-file', file: r.name, checksum: r.checksum, channel: 0, startS: 0, durationS: Math.min(2, r.summary.duration_s), frontEnd: 'mel' };
  return { kind: 'signal-file', file: r.name, checksum: r.checksum, channel: 0, startS: 0, durationS: Math.min(4, r.summary.duration_s) };
}

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
  const choose = (value: string) =>
    edit('data source', (d) => {
      const r = files.find((f) => f.checksum === value);
      const builtIn = BUILT_INS.find((b) => b.value === value);
      d['data'] = r ? sourceFor(r) : (builtIn?.source ?? { kind: 'synthetic-ecg' });
      if (builtIn?.encoder) d['encoder'] = builtIn.encoder;
      if (r?.summary.format === 'wav') d['encoder'] = { kind: 'delta', threshold: 0.5 };
      if (r?.kind === 'images') d['encoder'] = { kind: 'rate', maxProb: 0.5 };
      matchBeatLeads(d, r);
      fitInputLayer(d);
    });
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
