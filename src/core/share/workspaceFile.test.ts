import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../errors.ts';
import { initWeights } from '../network/weights.ts';
import { parseWorkspace } from '../spec/parseWorkspace.ts';
import { serializeModel } from '../train/modelFile.ts';
import { parseWorkspaceFile, serializeWorkspaceFile } from './workspaceFile.ts';

const preset = parseWorkspace(JSON.parse(readFileSync(new URL('../../../public/presets/default.workspace.json', import.meta.url), 'utf8')));

describe('workspace files', () => {
  it('round-trip a workspace with its full-precision weights exactly', () => {
    const weights = initWeights(preset.network, 4);
    const back = parseWorkspaceFile(serializeWorkspaceFile({ workspace: preset, weights }));
    expect(back.workspace).toEqual(preset);
    for (const [k, w] of Object.entries(weights)) expect(back.weights?.[k]?.values, k).toEqual(w.values);
  });

  it('round-trip a workspace without weights', () => {
    expect(parseWorkspaceFile(serializeWorkspaceFile({ workspace: preset }))).toEqual({ workspace: preset });
  });

  it('read a model file, keeping its weights', () => {
    const weights = initWeights(preset.network, 4);
    const text = serializeModel({ workspace: preset, classes: ['N', 'S', 'V', 'F', 'Q'], weights, metrics: {} });
    expect(Object.keys(parseWorkspaceFile(text).weights ?? {}).sort()).toEqual(Object.keys(weights).sort());
  });

  it.each([
    ['not JSON', '{"format":', '(root)'],
    ['a prototype key', '{"format":"spikelab-workspace","version":1,"workspace":{"__proto__":{"x":1}}}', '__proto__'],
    ['another format', '{"format":"excalidraw","version":1}', 'format'],
    ['an invalid workspace', JSON.stringify({ format: 'spikelab-workspace', version: 1, workspace: { ...preset, seed: -1.5 } }), 'seed'],
  ])('refuse %s with a SpecError naming the path', (_what, text, path) => {
    const err = (() => {
      try {
        parseWorkspaceFile(text);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(SpecError);
    expect((err as SpecError).jsonPath).toContain(path);
  });

  it('read a file that starts with a UTF-8 byte-order mark (as Windows editors write), once', () => {
    const weights = initWeights(preset.network, 4);
    const text = serializeWorkspaceFile({ workspace: preset, weights });
    expect(parseWorkspaceFile('\ufeff' + text).workspace).toEqual(preset);
    const model = serializeModel({ workspace: preset, classes: ['N', 'S', 'V', 'F', 'Q'], weights, metrics: {} });
    expect(parseWorkspaceFile('\ufeff' + model).workspace).toEqual(preset);
    // Only one mark is the encoding's; a second is a character where JSON allows none.
    expect(() => parseWorkspaceFile('\ufeff\ufeff' + text)).toThrow(SpecError);
  });

  it('read JSON nested 200,000 deep without overflowing the stack (the prototype-key check walks iteratively)', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    for (const text of [`{"format":"spikelab-workspace","version":1,"workspace":${deep}}`, `{"format":"spikelab-model","version":1,"workspace":${deep}}`]) {
      const e = (() => {
        try {
          parseWorkspaceFile(text);
        } catch (err) {
          return err;
        }
        return undefined;
      })();
      expect(e).toBeInstanceOf(SpecError);
      expect((e as Error).message).not.toMatch(/stack|not JSON/);
    }
  });

  it('refuse NaN or Infinity weights, naming the layer, the index and the bytes', () => {
    const weights = initWeights(preset.network, 4);
    const [name, layer] = Object.entries(weights)[0] ?? [];
    if (!name || !layer) throw new Error('the preset has no weights');
    const values = layer.values.slice();
    values[3] = NaN;
    const text = serializeWorkspaceFile({ workspace: preset, weights: { ...weights, [name]: { shape: layer.shape, values } } });
    expect(() => parseWorkspaceFile(text)).toThrow(`weights.${name}.data: value 3 is NaN (bytes 12–15 of the decoded float32 data)`);
  });

  it('refuse weights that do not fit the network', () => {
    const text = serializeWorkspaceFile({ workspace: preset, weights: { fc1: { shape: [1, 1], values: new Float32Array(1) } } });
    expect(() => parseWorkspaceFile(text)).toThrow(/fc1/);
  });
});
