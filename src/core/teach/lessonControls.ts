import { BUILT_IN_PRESETS } from '../spec/builtInPresets.ts';
import type { LessonView } from './lessonTypes.ts';

/**
 * The names a lesson uses to point at the page (contract23.md): controls it may highlight, panels
 * presenter mode may show, figures it may put under a step's text. The UI puts
 * `data-lesson-control="<name>"` / `data-lesson-panel="<name>"` on the elements and maps a figure
 * name to a component; the validator (lessonSchema.ts) refuses any other name. One owner: here.
 */

/** Where a control lives: a centre view, or 'side' for the panels around the centre (data, train, inspector…). */
export type LessonControlPlace = LessonView | 'side';

/** A control a lesson can highlight: the view it is in and one line of what it is. */
export interface LessonControlInfo {
  readonly view: LessonControlPlace;
  readonly about: string;
}

/** Every control a lesson can highlight, by name. */
export const LESSON_CONTROLS: Readonly<Record<string, LessonControlInfo>> = {
  'pg-model': { view: 'neuron', about: "the playground's neuron-model select" },
  'pg-params': { view: 'neuron', about: "the playground's parameter sliders" },
  'pg-input': { view: 'neuron', about: "the playground's input editor (preset shapes and the drawing canvas)" },
  'pg-patterns': { view: 'neuron', about: 'the firing-pattern buttons of the chosen model' },
  'pg-pair': { view: 'neuron', about: 'the pair toggle and the synapse fields (weight, delay)' },
  'pg-fi': { view: 'neuron', about: 'the f–I curve (firing rate against input current)' },
  'pg-equation': { view: 'neuron', about: "the model's equation with the current values substituted" },
  'pg-playback': { view: 'neuron', about: "the playground's step / play / speed controls" },
  playback: { view: 'spikes', about: "the spike views' playback bar (step, play, speed, scrubber)" },
  raster: { view: 'spikes', about: 'the raster of every layer’s spikes' },
  encoder: { view: 'side', about: "the data panel's encoder kind select" },
  train: { view: 'side', about: 'the Train button' },
  'test-accuracy': { view: 'side', about: "the metrics panel's test accuracy figure" },
  'chip-select': { view: 'chip', about: "the chip view's chip select" },
  'chip-energy': { view: 'chip', about: "the chip view's energy-per-inference figure" },
  graph: { view: 'side', about: 'the network graph editor' },
  inspector: { view: 'side', about: "the inspector (the selected node's fields, e.g. a layer's neuron model)" },
};

/** Panels presenter mode can show (`data-lesson-panel` on App's regions). */
export const LESSON_PANELS: readonly string[] = ['lesson', 'data', 'graph', 'spikes', 'neuron', 'chip', 'inspector', 'metrics', 'train'];

/** Figures a step can show under its text; the UI's registry (src/ui/lessons/figures/) draws each. */
export const LESSON_FIGURES: Readonly<Record<string, string>> = {
  surrogate: 'the Heaviside step of a spike against a surrogate derivative, with a slope slider (moving it records the action figure:surrogate-slope)',
};

/** The views a step may open (LessonView), listed for the validator's messages. */
export const LESSON_VIEWS: readonly LessonView[] = ['neuron', 'spikes', 'chip'];

/** The preset workspaces a step may load, by id (BUILT_IN_PRESETS owns the list). */
export const LESSON_PRESET_IDS: readonly string[] = BUILT_IN_PRESETS.map((p) => p.id);
