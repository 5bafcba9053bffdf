import { describe, expect, it } from 'vitest';
import { PlaygroundEditError, applyPlaygroundEdit, editLabel, withParam } from './playgroundEdits.ts';
import type { PlaygroundSetup } from './playgroundTypes.ts';

const base: PlaygroundSetup = { neuron: { model: 'lif', tauMemMs: 20, threshold: 1, reset: 'subtract', refractoryMs: 0 }, input: { kind: 'drawn', points: [0, 0.1, 0.2] }, durationMs: 100, dtMs: 1, pair: null };

describe('applyPlaygroundEdit', () => {
  it('sets a parameter and clears its alternative, so β and τ are never both given', () => {
    const s = applyPlaygroundEdit(base, { kind: 'param', name: 'beta', value: 0.8 });
    expect(s.neuron).toMatchObject({ beta: 0.8 });
    expect('tauMemMs' in s.neuron).toBe(false);
    expect(withParam(s.neuron, 'reset', 'zero')).toMatchObject({ reset: 'zero', beta: 0.8 });
  });

  it('moves a drawn input to the new model’s scale and a pattern brings its whole setup', () => {
    const izh = applyPlaygroundEdit(base, { kind: 'model', model: 'izhikevich' });
    // LIF's scale is 0.1, Izhikevich's 10 mV/ms: the drawing keeps its shape, 100 times larger.
    expect(izh.input.kind === 'drawn' && izh.input.points.map((p) => Math.round(p * 100) / 100)).toEqual([0, 10, 20]);
    const ch = applyPlaygroundEdit(base, { kind: 'pattern', id: 'izh-chattering' });
    expect(ch).toMatchObject({ neuron: { model: 'izhikevich', c: -50 }, durationMs: 250, dtMs: 0.5 });
    expect(editLabel({ kind: 'param', name: 'threshold', value: 1.2 })).toBe('threshold = 1.2');
  });

  it('refuses what cannot run with a message that names it', () => {
    const refuse = (e: Parameters<typeof applyPlaygroundEdit>[1], msg: RegExp) => {
      expect(() => applyPlaygroundEdit(base, e)).toThrow(PlaygroundEditError);
      expect(() => applyPlaygroundEdit(base, e)).toThrow(msg);
    };
    refuse({ kind: 'param', name: 'threshold', value: 0 }, /threshold/);
    refuse({ kind: 'param', name: 'a', value: 1 }, /'lif' has no parameter 'a'/);
    refuse({ kind: 'duration', durationMs: -5 }, /duration must be a positive/);
    refuse({ kind: 'pair', pair: { neuron: base.neuron, weight: 1, delayMs: -1 } }, /delay must be 0 ms or more/);
    refuse({ kind: 'input', input: { kind: 'drawn', points: [0, Number.NaN] } }, /finite/);
  });
});
