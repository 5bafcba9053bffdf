import { SpecError } from '../core/errors.ts';
import { parseWorkspace } from '../core/spec/parseWorkspace.ts';
import type { Workspace } from '../core/spec/workspace.ts';

/** Presets shipped in public/presets, for the preset menu. */
export const PRESETS = [
  { id: 'default', label: 'ECG level-crossing demo' },
  { id: 'ecg-synthetic', label: 'ECG beats (synthetic): train' },
  { id: 'ecg-mitbih', label: 'ECG beats (MIT-BIH)' },
  { id: 'dvs-shapes', label: 'Event camera shapes' },
  { id: 'dvs-nmnist', label: 'N-MNIST digits (drop the files)' },
  { id: 'audio-digits', label: 'Spoken digits' },
  { id: 'audio-digits-pool', label: 'Spoken digits, pooled over time' },
  { id: 'eeg', label: 'EEG classes' },
  { id: 'cue-memory-rsnn', label: 'Delayed cue: recurrent SNN' },
  { id: 'cue-memory-feedforward', label: 'Delayed cue: feed-forward twin' },
] as const;

/** Fetches and validates the embedded default workspace shipped in public/presets. */
export function loadDefaultWorkspace(): Promise<Workspace> {
  return loadPresetWorkspace('default');
}

/** Fetches and validates a preset workspace by id. */
export async function loadPresetWorkspace(id: string): Promise<Workspace> {
  const url = `${import.meta.env.BASE_URL}presets/${id}.workspace.json`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load the default workspace (${url}: HTTP ${res.status})`);
  const doc: unknown = await res.json();
  try {
    return parseWorkspace(doc);
  } catch (e) {
    if (e instanceof SpecError) throw new Error(`the preset '${id}' is invalid: ${e.message}`);
    throw e;
  }
}
