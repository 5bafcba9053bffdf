import type { LoadedRecord } from '../../core/data/fileStore.ts';
import { encoderSchema } from '../../core/encoders/schema.ts';
import { inputWidth } from '../../core/spec/parseWorkspace.ts';
import { ecgDataset, trainingSchema } from '../../core/spec/trainingConfig.ts';
import { dataSourceSchema } from '../../core/spec/workspace.ts';
import type { useStore } from '../store/index.ts';
import type { WorkspaceDraft } from '../store/workspaceSlice.ts';

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
export const BUILT_INS: readonly { value: string; label: string; source: Record<string, unknown>; encoder?: Record<string, unknown> }[] = [
  { value: 'synthetic', label: 'Synthetic ECG (seeded)', source: { kind: 'synthetic-ecg' } },
  { value: 'synthetic-eeg', label: 'Synthetic EEG, 8 channels', source: { kind: 'synthetic-eeg' }, encoder: { kind: 'delta', threshold: 5 } },
  { value: 'synthetic-dvs', label: 'Synthetic event camera', source: { kind: 'synthetic-dvs' } },
  { value: 'synthetic-audio', label: 'Synthetic spoken digit', source: { kind: 'synthetic-audio' }, encoder: { kind: 'rate', maxProb: 0.3 } },
  { value: 'synthetic-cue', label: 'Delayed cue (memory task), spikes', source: { kind: 'synthetic-cue' } },
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

/**
 * Makes `value` (a built-in generator's value or a loaded file's checksum) the data source, as
 * one undoable edit with the encoder that suits it; false when the edit was refused.
 */
export function chooseSource(store: typeof useStore, value: string, label = 'data source'): boolean {
  const { files, edit } = store.getState();
  return edit(label, (d) => {
    const r = files.find((f) => f.checksum === value);
    const builtIn = BUILT_INS.find((b) => b.value === value);
    d['data'] = r ? sourceFor(r) : (builtIn?.source ?? { kind: 'synthetic-ecg' });
    if (builtIn?.encoder) d['encoder'] = builtIn.encoder;
    if (r?.summary.format === 'wav') d['encoder'] = { kind: 'delta', threshold: 0.5 };
    if (r?.kind === 'images') d['encoder'] = { kind: 'rate', maxProb: 0.5 };
    matchBeatLeads(d, r);
    fitInputLayer(d);
  });
}
