import { IZHIKEVICH_PRESETS } from '../neurons/izhikevich.ts';
import type { FiringPattern } from './neuronTeachingTypes.ts';

/**
 * The firing patterns each model is known for, keyed by neuron kind. Every one is checked against
 * its signature in neuronTeachingPatterns.test.ts (the numbers here were chosen so it shows).
 * Izhikevich's sets come from Izhikevich, IEEE TNN 14(6), 2003, Fig. 2 (rebound: "Which model to
 * use for cortical spiking neurons?", IEEE TNN 15(5), 2004, Fig. 1); they run at Δt = 0.5 ms,
 * where forward Euler keeps their shapes.
 */
export const FIRING_PATTERNS: Readonly<Record<string, readonly FiringPattern[]>> = {
  lif: [
    {
      id: 'lif-tonic',
      label: 'Regular (tonic)',
      neuron: { model: 'lif', tauMemMs: 20, threshold: 1, reset: 'zero', refractoryMs: 0 },
      input: { kind: 'step', amplitude: 0.1, startMs: 10, endMs: 190 },
      durationMs: 200,
      dtMs: 1,
      why: 'A constant current charges the leaky membrane to θ in the same time after every reset: equal intervals.',
      signature: 'regular',
    },
    {
      id: 'lif-refractory',
      label: 'Refractory-limited',
      neuron: { model: 'lif', tauMemMs: 20, threshold: 1, reset: 'zero', refractoryMs: 5 },
      input: { kind: 'step', amplitude: 0.3, startMs: 10, endMs: 190 },
      durationMs: 200,
      dtMs: 1,
      why: 'A strong current would fire every few steps; the 5 ms refractory period sets a floor under the interval.',
      signature: 'regular',
    },
  ],
  if: [
    {
      id: 'if-integrator',
      label: 'Perfect integrator',
      neuron: { model: 'if', threshold: 1, reset: 'subtract' },
      input: { kind: 'step', amplitude: 0.25, startMs: 10, endMs: 190 },
      durationMs: 200,
      dtMs: 1,
      why: 'Nothing leaks: 0.25 per step reaches θ = 1 every 4 steps, a rate of exactly I/θ (why ANN-to-SNN conversion uses it).',
      signature: 'regular',
    },
  ],
  cubaLif: [
    {
      id: 'cuba-regular',
      label: 'Regular (smoothed input)',
      neuron: { model: 'cubaLif', tauSynMs: 5, tauMemMs: 20, threshold: 1 },
      input: { kind: 'step', amplitude: 0.03, startMs: 10, endMs: 190 },
      durationMs: 200,
      dtMs: 1,
      why: 'The synaptic current builds up over τ_syn first, so the first spike comes late; then the intervals are even.',
      signature: 'regular',
    },
  ],
  alif: [
    {
      id: 'alif-adaptation',
      label: 'Spike-frequency adaptation',
      neuron: { model: 'alif', tauMemMs: 20, tauAdaptMs: 200, threshold: 1, adaptation: 0.5 },
      input: { kind: 'step', amplitude: 0.2, startMs: 10, endMs: 290 },
      durationMs: 300,
      dtMs: 1,
      why: 'Each spike raises the threshold and it relaxes only over τ_a = 200 ms: the intervals grow under the same input.',
      signature: 'adaptation',
    },
  ],
  ssf: [
    {
      id: 'ssf-window',
      label: 'One count per window',
      neuron: { model: 'ssf', threshold: 1, windowSteps: 20, maxSpikes: 255 },
      input: { kind: 'step', amplitude: 0.25, startMs: 10, endMs: 190 },
      durationMs: 200,
      dtMs: 1,
      why: 'SSF only sums: it emits floor(sum/θ) spikes at the end of each 20-step window, whatever the timing inside it.',
      signature: 'regular',
    },
  ],
  izhikevich: [
    {
      id: 'izh-regular-spiking',
      label: 'Regular spiking (RS)',
      neuron: { model: 'izhikevich', ...IZHIKEVICH_PRESETS.regularSpiking, vPeakMv: 30 },
      input: { kind: 'step', amplitude: 10, startMs: 20, endMs: 220 },
      durationMs: 250,
      dtMs: 0.5,
      why: 'The cortex’s most common cell: the recovery u jumps by d = 8 at each spike, so the intervals lengthen (adaptation).',
      signature: 'adaptation',
    },
    {
      id: 'izh-intrinsically-bursting',
      label: 'Intrinsically bursting (IB)',
      neuron: { model: 'izhikevich', ...IZHIKEVICH_PRESETS.intrinsicallyBursting, vPeakMv: 30 },
      input: { kind: 'step', amplitude: 10, startMs: 20, endMs: 220 },
      durationMs: 250,
      dtMs: 0.5,
      why: 'A high reset (c = −55 mV) fires a quick burst first; u builds up and the cell settles to single spikes.',
      signature: 'bursting',
    },
    {
      id: 'izh-chattering',
      label: 'Chattering (CH)',
      neuron: { model: 'izhikevich', ...IZHIKEVICH_PRESETS.chattering, vPeakMv: 30 },
      input: { kind: 'step', amplitude: 10, startMs: 20, endMs: 220 },
      durationMs: 250,
      dtMs: 0.5,
      why: 'Reset close to threshold (c = −50 mV) with a small jump d = 2: bursts of closely spaced spikes, then a pause.',
      signature: 'bursting',
    },
    {
      id: 'izh-fast-spiking',
      label: 'Fast spiking (FS)',
      neuron: { model: 'izhikevich', ...IZHIKEVICH_PRESETS.fastSpiking, vPeakMv: 30 },
      input: { kind: 'step', amplitude: 14, startMs: 20, endMs: 220 },
      durationMs: 250,
      dtMs: 0.5,
      why: 'Inhibitory interneurons: fast recovery (a = 0.1) lets them fire at high rates with hardly any adaptation.',
      signature: 'fast',
    },
    {
      id: 'izh-low-threshold',
      label: 'Low-threshold spiking (LTS)',
      neuron: { model: 'izhikevich', ...IZHIKEVICH_PRESETS.lowThresholdSpiking, vPeakMv: 30 },
      input: { kind: 'step', amplitude: 10, startMs: 20, endMs: 220 },
      durationMs: 250,
      dtMs: 0.5,
      why: 'b = 0.25 couples u tightly to v: a fast start that slows down strongly.',
      signature: 'adaptation',
    },
    {
      id: 'izh-rebound',
      label: 'Rebound spike (negative pulse)',
      neuron: { model: 'izhikevich', a: 0.03, b: 0.25, c: -60, d: 4, vPeakMv: 30 },
      input: { kind: 'step', amplitude: -15, startMs: 100, endMs: 105 },
      durationMs: 200,
      dtMs: 0.5,
      why: 'A brief inhibitory pulse lowers u; when it ends v overshoots past threshold: a spike caused by inhibition.',
      signature: 'rebound',
    },
  ],
  inputAdaptive: [
    {
      id: 'ia-input-adaptation',
      label: 'Adapting to its input',
      neuron: { model: 'inputAdaptive', threshold: 1, tauStatMs: 50, inputGain: 4, spreadGain: 1, thresholdFloor: 0.1 },
      input: { kind: 'step', amplitude: 0.6, startMs: 10, endMs: 290 },
      durationMs: 300,
      dtMs: 1,
      why: 'The threshold follows the running mean of the input (τ = 50 ms), so a sustained step is answered ever more sparsely.',
      signature: 'adaptation',
    },
  ],
};
