import type { Workspace } from '../spec/workspace.ts';
import type { PlaygroundSetup } from './playgroundTypes.ts';

/**
 * A lesson, as a teacher writes it in a `.lesson.json` file (public/lessons/README.md documents the
 * format; lessonSchema.ts validates it and explains mistakes). A lesson is steps; a step is a short
 * text, the live workspace or playground it runs on, the control to touch, and a task the page checks.
 */
export interface Lesson {
  /** Format version: 1. */
  readonly format: 1;
  /** Stable id, used in links (`#lesson=<id>&step=<n>`) and to keep progress: lower-case words joined by '-'. */
  readonly id: string;
  readonly title: string;
  /** One sentence for the lesson list. */
  readonly summary: string;
  readonly steps: readonly LessonStep[];
}

/** The centre views a step can show. */
export type LessonView = 'neuron' | 'spikes' | 'chip';

export interface LessonStep {
  readonly title: string;
  /** A few short paragraphs (blank line between); `**bold**` and `` `code` `` are rendered. */
  readonly text: string;
  /** The centre view the step opens on (kept as it is when absent). */
  readonly view?: LessonView;
  /** A built-in workspace the step loads, by preset id (e.g. 'ecg-synthetic'); kept as it is when absent. */
  readonly preset?: string;
  /** The neuron playground the step sets up (kept as it is when absent). */
  readonly playground?: PlaygroundSetup;
  /** The control to highlight, by its name in LESSON_CONTROLS (lessonControls.ts). */
  readonly highlight?: string;
  /** Presenter mode shows only these panels (names in LESSON_PANELS); all when absent. */
  readonly panels?: readonly string[];
  /** A figure shown under the text, by name in LESSON_FIGURES (e.g. 'surrogate'). */
  readonly figure?: string;
  /** What the student must do; a step without a task is read and passed with Next. */
  readonly task?: LessonTask;
}

/** A task: its kind (a key of the task registry, taskChecks.ts), the kind's parameters, and what to say. */
export interface LessonTask {
  readonly kind: string;
  /** What to do, in one sentence ("Make the neuron fire exactly 5 spikes in 100 ms"). */
  readonly goal: string;
  /** The kind's parameters, validated by the kind's schema. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Shown once the task is done (the page adds its own figures). */
  readonly success?: string;
  /** A hint shown after a few wrong tries. */
  readonly hint?: string;
}

/**
 * What the page is showing, as plain data, for the task checks: built by the UI from its store
 * (lessonContext.ts in src/ui), so the checks stay pure and run in Node tests.
 */
export interface LessonContext {
  readonly view: LessonView | 'study';
  /** The playground's setup and its run (spike steps of each neuron), the cursor in steps. */
  readonly playground: {
    readonly setup: PlaygroundSetup;
    readonly spikeSteps: readonly number[];
    readonly secondSpikeSteps: readonly number[] | null;
    readonly cursor: number | null;
  };
  readonly workspace: Workspace | null;
  /** The last finished simulation of the workspace (null while running or after an error). */
  readonly run: {
    readonly steps: number;
    readonly dtMs: number;
    readonly totalSpikes: number;
    /** Per layer (input first): size, spikes, and the step of its first spike (null when silent). */
    readonly layers: readonly { readonly name: string; readonly neurons: number; readonly spikeCount: number; readonly firstSpikeStep: number | null }[];
  } | null;
  /** The spike views' playback cursor in steps. */
  readonly playbackStep: number | null;
  /** The last training's test accuracy (0 … 1), or null before any. */
  readonly testAccuracy: number | null;
  /** The chip mapping on screen, or null. */
  readonly mapping: {
    readonly chip: string;
    readonly fits: boolean;
    readonly coresUsed: number;
    /** Energy per inference in joules and its weight-memory reads per inference. */
    readonly energyJ: number;
    readonly weightReads: number;
  } | null;
  /** Things the student did during this step that leave no other trace (e.g. 'figure:surrogate-slope', 'pattern:bursting'). */
  readonly actions: readonly string[];
}

/** The verdict of a task check: done or not, and what to tell the student (with the figures seen). */
export interface TaskVerdict {
  readonly done: boolean;
  readonly feedback: string;
}
