import type { Rng } from '../rng.ts';
import { hopSamples, melSpectrogram } from './audio/melSpectrogram.ts';
import type { EventRecord } from './formats/eventsRecord.ts';
import type { Signal } from './signal.ts';
import type { SyntheticAudioSource, SyntheticDvsSource, SyntheticEegSource } from './sourceSchemas.ts';
import { syntheticDigit } from './synth/audioSynth.ts';
import { syntheticDvs } from './synth/dvsSynth.ts';
import { EEG_CHANNELS, syntheticEegEpoch } from './synth/eegSynth.ts';

/** One synthetic EEG epoch as an 8-channel signal in µV, labelled at its start. */
export function syntheticEegSignal(src: SyntheticEegSource, rng: Rng): Signal {
  const values = syntheticEegEpoch(src.eegClass, rng, { samplingHz: src.samplingHz, epochS: src.epochS, backgroundUv: 10 });
  return { samplingHz: src.samplingHz, channels: [...EEG_CHANNELS], unit: 'µV', length: values.length / EEG_CHANNELS.length, values, annotations: [{ sample: 0, symbol: src.eegClass }] };
}

/** Sampling rate of the synthetic spoken digits' waveform. */
export const SYNTHETIC_AUDIO_HZ = 8000;

/** Hop of the log-mel front end: one frame (one network step) every 10 ms. */
const MEL_HOP_MS = 10;

/** Frames per second out of the log-mel front end for a recording at `samplingHz` (the hop is whole samples). */
export function melFrameHz(samplingHz: number): number {
  return 1000 / ((hopSamples(MEL_HOP_MS, samplingHz) / samplingHz) * 1000);
}

/**
 * A synthetic spoken digit's waveform at 8 kHz; the pipeline passes it through the log-mel front
 * end (melSignal), so the encoder sees a cochleagram rather than the raw waveform.
 */
export function syntheticAudioWaveform(src: SyntheticAudioSource, rng: Rng): Signal {
  const wave = syntheticDigit(src.digit, rng, { samplingHz: SYNTHETIC_AUDIO_HZ, durationS: src.durationS, noise: 0.01 });
  return { samplingHz: SYNTHETIC_AUDIO_HZ, channels: ['mono'], unit: 'full scale', length: wave.length, values: wave, annotations: [{ sample: 0, symbol: String(src.digit) }] };
}

/**
 * A one-channel signal through the log-mel front end (25 ms frames, 10 ms hop): a signal with one
 * channel per band at 100 frames/s, its annotations moved to the frame that contains them.
 */
export function melSignal(signal: Signal, bands: number): Signal {
  const mel = melSpectrogram(signal.values, signal.samplingHz, { frameMs: 25, hopMs: MEL_HOP_MS, bands, fMinHz: 50 });
  const hop = (mel.hopMs / 1000) * signal.samplingHz;
  return {
    samplingHz: melFrameHz(signal.samplingHz),
    channels: [...mel.centersHz].map((c) => `${Math.round(c)} Hz`),
    unit: 'log energy',
    length: mel.frames,
    values: mel.values,
    annotations: signal.annotations.map((a) => ({ sample: Math.floor(a.sample / hop), symbol: a.symbol })),
  };
}

/** A synthetic DVS scene's events. */
export function syntheticDvsEvents(src: SyntheticDvsSource, rng: Rng): EventRecord {
  return syntheticDvs(src.scene, rng, { width: src.width, height: src.height, durationMs: src.durationMs, contrast: 0.15, noiseHz: src.noiseHz });
}
