import type { StateCreator } from 'zustand';
import type { PlaygroundSetup } from '../../core/teach/playgroundTypes.ts';
import type { Store } from './index.ts';

/**
 * The neuron playground's state (the 'neuron' centre view). It is not part of the workspace: a
 * lesson step sets it, and the playback cursor moves through its run.
 */
export interface PlaygroundSlice {
  playground: PlaygroundSetup;
  setPlayground(next: PlaygroundSetup): void;
  /** The playground's playback cursor in steps (null = the whole run drawn, no cursor). */
  playgroundCursor: number | null;
  setPlaygroundCursor(step: number | null): void;
}

/** The playground a first visit opens on: an LIF neuron under a 60 ms step of current. */
export const PLAYGROUND_DEFAULT: PlaygroundSetup = {
  neuron: { model: 'lif', tauMemMs: 20, threshold: 1, reset: 'subtract', refractoryMs: 0 },
  input: { kind: 'step', amplitude: 0.08, startMs: 20, endMs: 80 },
  durationMs: 100,
  dtMs: 1,
  pair: null,
};

export const createPlaygroundSlice: StateCreator<Store, [], [], PlaygroundSlice> = (set) => ({
  playground: PLAYGROUND_DEFAULT,
  setPlayground: (playground) => set({ playground }),
  playgroundCursor: null,
  setPlaygroundCursor: (playgroundCursor) => set({ playgroundCursor }),
});
