/**
 * Step length, ms, of an input that has no clock of its own: an image or a beat window held for a
 * number of steps. One millisecond, so that neuron time constants read as steps.
 */
export const HELD_STEP_MS = 1;
