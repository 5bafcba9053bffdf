import { describe, expect, it } from 'vitest';
import { izhikevichStepWarning } from './stepAdvice.ts';
import { presetWorkspaces } from '../../../test/support/presets.ts';

const preset = (file: string) => {
  const found = presetWorkspaces().find(([f]) => f === `${file}.workspace.json`);
  if (!found) throw new Error(`no preset ${file}`);
  return found[1];
};

describe('izhikevichStepWarning', () => {
  it('for the synthetic ECG says its sampling rate has no field, instead of asking to raise it', () => {
    const ws = preset('default');
    expect(ws.data.kind).toBe('synthetic-ecg');
    const text = izhikevichStepWarning(ws.data, 4);
    expect(text).toMatch(/^Euler steps of 4 ms are too coarse for Izhikevich dynamics/);
    expect(text).toMatch(/sampling rate sets it and has no field in the Data panel/);
    expect(text).not.toMatch(/raise the sampling rate/);
  });

  it('for an event file names the Data panel’s “time step” field with its value', () => {
    const data = { kind: 'event-file', file: 'a.aedat', checksum: 'x', width: 4, height: 4, downsample: 1, stepUs: 5000, startUs: 0, durationUs: 1000 } as const;
    expect(izhikevichStepWarning(data, 5)).toMatch(/set the Data panel’s “time step” to 1000 µs or less \(now 5000 µs\)/);
  });

  it('for mel audio says the 10 ms hop sets the step, naming the front-end field of a file', () => {
    const ws = preset('audio-digits');
    expect(izhikevichStepWarning(ws.data, 10)).toMatch(/10 ms hop sets it/);
    const file = { kind: 'signal-file', file: 'one.wav', checksum: 'x', channel: 0, channels: 1, startS: 0, durationS: 1, frontEnd: 'mel', bands: 32 } as const;
    expect(izhikevichStepWarning(file, 10)).toMatch(/front end to “none”/);
    expect(izhikevichStepWarning({ ...file, frontEnd: 'none' }, 2.7777777)).toMatch(/^Euler steps of 2\.778 ms .* the sampling rate of one\.wav sets it: resample/);
  });
});
