import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

describe('spikelab simulate --engine wasm', () => {
  it.each(['default', 'ecg-synthetic'])('prints the event engine’s spikes and readouts for the %s preset', (preset) => {
    const run = (engine: string) => {
      const r = cli('simulate', '--preset', preset, '--engine', engine, '--json');
      expect(r.code, r.err).toBe(0);
      const line = JSON.parse(r.out) as Record<string, unknown>;
      return { layers: line['layers'], readouts: line['readouts'], steps: line['steps'] };
    };
    const wasm = run('wasm');
    expect(wasm).toEqual(run('events'));
    expect(JSON.stringify(wasm)).toMatch(/"spikes":[1-9]/);
  });
});
