/**
 * The preset workspaces shipped in public/presets, by id, with the name the preset menu shows. Core
 * cannot read the folder, so the list lives here once: the header's menu, the lesson validator and
 * the tests read it, and a test checks it against the folder.
 */
export const BUILT_IN_PRESETS = [
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
