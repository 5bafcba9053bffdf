import type { StateCreator } from 'zustand';
import { PlaygroundEditError, applyPlaygroundEdit, type PlaygroundEdit } from '../../core/teach/playgroundEdits.ts';
import type { PlaygroundSetup } from '../../core/teach/playgroundTypes.ts';
import type { Store } from './index.ts';

/** One step of the playground's undo history: the edit and the setups on either side of it. */
export interface PlaygroundHistoryEntry {
  readonly edit: PlaygroundEdit;
  readonly before: PlaygroundSetup;
  readonly after: PlaygroundSetup;
  /** When it was last extended (ms since the epoch): a slider drag or a stroke is one entry. */
  readonly at: number;
}

/**
 * The neuron playground's state (the 'neuron' centre view). It is not part of the workspace: a
 * lesson step sets it, and the playback cursor moves through its run.
 */
export interface PlaygroundSlice {
  playground: PlaygroundSetup;
  /** Replaces the setup (a lesson step): clears the playground's history and its cursor. */
  setPlayground(next: PlaygroundSetup): void;
  /** The playground's playback cursor in steps (null = the whole run drawn, no cursor). */
  playgroundCursor: number | null;
  setPlaygroundCursor(step: number | null): void;
  /** Undoable edits of the playground, oldest first; separate from the workspace's history. */
  playgroundPast: readonly PlaygroundHistoryEntry[];
  playgroundFuture: readonly PlaygroundHistoryEntry[];
  /** Applies an edit and records it; returns why it was refused (nothing changes then), or null. */
  editPlayground(edit: PlaygroundEdit): string | null;
  undoPlayground(): void;
  redoPlayground(): void;
  /** Records a lesson action ('pattern:<id>'); the lessons' slice provides it, the playground calls it when present. */
  recordLessonAction?: (action: string) => void;
}

/** The playground a first visit opens on: an LIF neuron under a 60 ms step of current. */
export const PLAYGROUND_DEFAULT: PlaygroundSetup = {
  neuron: { model: 'lif', tauMemMs: 20, threshold: 1, reset: 'subtract', refractoryMs: 0 },
  input: { kind: 'step', amplitude: 0.08, startMs: 20, endMs: 80 },
  durationMs: 100,
  dtMs: 1,
  pair: null,
};

/** Edits of the same target this close together are one history entry (a slider drag, a drawn stroke). */
const COALESCE_MS = 800;
/** The history keeps this many entries. */
const HISTORY_LIMIT = 200;

/** What an edit changes, for coalescing: a parameter by name, the input by shape (a stroke is not a typed field), the pair, the duration. */
function target(e: PlaygroundEdit): string {
  return e.kind === 'param' ? `param:${e.name}` : e.kind === 'input' ? `input:${e.input.kind}` : e.kind;
}

export const createPlaygroundSlice: StateCreator<Store, [], [], PlaygroundSlice> = (set, get) => ({
  playground: PLAYGROUND_DEFAULT,
  // A setup from outside (a lesson step) is a new starting point: the edits before it are not undone into it.
  setPlayground: (playground) => set({ playground, playgroundPast: [], playgroundFuture: [], playgroundCursor: null }),
  playgroundCursor: null,
  setPlaygroundCursor: (playgroundCursor) => set({ playgroundCursor }),
  playgroundPast: [],
  playgroundFuture: [],
  editPlayground: (edit) => {
    const { playground: before, playgroundPast: past } = get();
    let after: PlaygroundSetup;
    try {
      after = applyPlaygroundEdit(before, edit);
    } catch (err) {
      if (err instanceof PlaygroundEditError) return err.message;
      throw err;
    }
    const now = Date.now();
    const last = past[past.length - 1];
    const merge = last !== undefined && last.after === before && target(last.edit) === target(edit) && edit.kind !== 'pattern' && edit.kind !== 'model' && now - last.at < COALESCE_MS;
    const entry: PlaygroundHistoryEntry = merge ? { edit, before: last.before, after, at: now } : { edit, before, after, at: now };
    set({ playground: after, playgroundPast: [...(merge ? past.slice(0, -1) : past), entry].slice(-HISTORY_LIMIT), playgroundFuture: [] });
    return null;
  },
  undoPlayground: () => {
    const { playgroundPast: past, playgroundFuture: future } = get();
    const last = past[past.length - 1];
    if (!last) return;
    set({ playground: last.before, playgroundPast: past.slice(0, -1), playgroundFuture: [last, ...future] });
  },
  redoPlayground: () => {
    const { playgroundPast: past, playgroundFuture: future } = get();
    const next = future[0];
    if (!next) return;
    set({ playground: next.after, playgroundPast: [...past, { ...next, at: 0 }], playgroundFuture: future.slice(1) });
  },
});
