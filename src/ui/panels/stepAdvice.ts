import type { DataSourceSpec } from '../../core/spec/workspace.ts';

type Advice<K extends DataSourceSpec['kind']> = (data: Extract<DataSourceSpec, { kind: K }>) => string;

const MEL_HOP = 'the mel front end’s 10 ms hop sets it: choose a neuron model that tolerates coarse steps (LIF, IF)';
const ANOTHER_MODEL = 'or choose a neuron model that tolerates coarse steps (LIF, IF)';

/**
 * What sets the time step of each data source, and so what a user can change to make it finer.
 * One entry per source kind: the warning names only a control that the Data panel shows for
 * that source (the old text said "raise the sampling rate" for sources that have no such field).
 */
const STEP_ADVICE: { readonly [K in DataSourceSpec['kind']]: Advice<K> } = {
  'synthetic-ecg': (d) => `the synthetic ECG’s ${d.samplingHz} Hz sampling rate sets it and has no field in the Data panel: set data.samplingHz to 1000 in a saved workspace file and open it, ${ANOTHER_MODEL}`,
  'synthetic-eeg': (d) => `the synthetic EEG’s ${d.samplingHz} Hz sampling rate sets it and has no field in the Data panel: set data.samplingHz to 1000 in a saved workspace file and open it, ${ANOTHER_MODEL}`,
  'synthetic-audio': () => MEL_HOP,
  'signal-file': (d) => (d.frontEnd === 'mel' ? `${MEL_HOP}, or set the Data panel’s front end to “none”` : `the sampling rate of ${d.file} sets it: resample the file to 1000 Hz or more, ${ANOTHER_MODEL}`),
  'event-file': (d) => `set the Data panel’s “time step” to 1000 µs or less (now ${d.stepUs} µs), ${ANOTHER_MODEL}`,
  'synthetic-dvs': (d) => `the synthetic scene’s ${d.stepUs} µs step has no field in the Data panel: set data.stepUs to 1000 in a saved workspace file and open it, ${ANOTHER_MODEL}`,
  // The delayed cue is fed one step per ms (its time is counted in steps), so this warning does not show for it.
  'synthetic-cue': () => `the delayed cue is fed one step per ms, ${ANOTHER_MODEL}`,
  // Images are held one step per ms, so this warning does not show for them.
  'image-file': () => `an image is fed one step per ms, ${ANOTHER_MODEL}`,
};

/**
 * The warning shown beside an Izhikevich layer when the source's time step exceeds 1 ms (its
 * forward-Euler update is accurate up to about 1 ms), naming what sets the step for this source.
 */
export function izhikevichStepWarning(data: DataSourceSpec, dtMs: number): string {
  // The table is indexed by the same kind as `data`; TypeScript cannot see that correlation itself.
  const advice = (STEP_ADVICE[data.kind] as (d: DataSourceSpec) => string)(data);
  return `Euler steps of ${Number(dtMs.toPrecision(4))} ms are too coarse for Izhikevich dynamics (≤ 1 ms is accurate): ${advice}.`;
}
