import { describe, expect, it } from 'vitest';
import { SpecError } from '../errors.ts';
import { parseWorkspace } from '../spec/parseWorkspace.ts';
import { base64ToFloats, floatsToBase64, parseModel, serializeModel } from './modelFile.ts';

const ws = parseWorkspace({
  schemaVersion: 1,
  network: { layers: [{ kind: 'input', name: 'in', shape: [2] }, { kind: 'dense', name: 'fc', units: 3 }, { kind: 'spiking', name: 'lif', neuron: { model: 'lif' } }] },
  data: { kind: 'synthetic-ecg' },
  encoder: { kind: 'delta' },
});

describe('model files', () => {
  it('round-trip float32 weights bit for bit through base64, every length mod 3', () => {
    for (const n of [1, 2, 3, 7]) {
      const v = Float32Array.from({ length: n }, (_, i) => Math.fround((i - 1.5) * 0.3333));
      expect(base64ToFloats(floatsToBase64(v))).toEqual(v);
    }
  });
  it('round-trip workspace, classes, weights and metrics', () => {
    const weights = { fc: { shape: [2, 3], values: Float32Array.from([1, -2, 3.5, 0.25, -0.125, 1e-7]) } };
    const m = parseModel(serializeModel({ workspace: ws, classes: ['a', 'b', 'c'], weights, metrics: { accuracy: 0.5 } }));
    expect(m.workspace).toEqual(ws);
    expect(m.classes).toEqual(['a', 'b', 'c']);
    expect(m.weights['fc']?.values).toEqual(weights.fc.values);
    expect(m.metrics['accuracy']).toBe(0.5);
  });
  it('refuses a model whose weights do not fill their shape, or that is not a model', () => {
    const good = JSON.parse(serializeModel({ workspace: ws, classes: [], weights: { fc: { shape: [2, 3], values: new Float32Array(6) } }, metrics: {} })) as { weights: { fc: { shape: number[] } } };
    good.weights.fc.shape = [4, 3];
    expect(() => parseModel(JSON.stringify(good))).toThrow(/do not fill shape/);
    expect(() => parseModel('{"format":"other"}')).toThrow();
    expect(() => parseModel('nope')).toThrow(/not JSON/);
  });
  it.each([
    ['NaN', NaN, 4],
    ['Infinity', Infinity, 0],
    ['-Infinity', -Infinity, 5],
  ])('refuses weights holding %s, naming the layer, the index and the bytes', (label, value, index) => {
    const values = Float32Array.from([0.5, -0.25, 1, 0, 0.125, 2]);
    values[index] = value;
    const text = serializeModel({ workspace: ws, classes: [], weights: { fc: { shape: [2, 3], values } }, metrics: {} });
    expect(() => parseModel(text)).toThrow(`weights.fc.data: value ${index} is ${label} (bytes ${4 * index}–${4 * index + 3} of the decoded float32 data); weights must be finite numbers`);
  });
  it('refuses class names that do not name every output, giving both counts; no names is a model without classes', () => {
    const weights = { fc: { shape: [2, 3], values: new Float32Array(6) } };
    expect(() => parseModel(serializeModel({ workspace: ws, classes: ['a', 'b'], weights, metrics: {} }))).toThrow('classes: the model names 2 classes but its network has 3 outputs; each output needs one class name');
    expect(parseModel(serializeModel({ workspace: ws, classes: [], weights, metrics: {} })).classes).toEqual([]);
  });
  it('refuses a prototype key (zod would drop a __proto__ layer in silence) and reads a model saved with a byte-order mark', () => {
    const text = serializeModel({ workspace: ws, classes: [], weights: { fc: { shape: [2, 3], values: new Float32Array(6) } }, metrics: {} });
    expect(() => parseModel(text.replace('"weights":{', '"weights":{"__proto__":{"shape":[1],"data":"AAAAAA=="},'))).toThrow("__proto__: the key '__proto__' is not allowed in a model file");
    expect(parseModel('\ufeff' + text).weights['fc']?.shape).toEqual([2, 3]);
  });
  it('refuses a model whose weights fill their shape but not its network, naming the layer (found by test/property)', () => {
    // Minimal case: the network's input has 2 neurons, the file's 'fc' weights are 4 × 3.
    const text = serializeModel({ workspace: ws, classes: [], weights: { fc: { shape: [4, 3], values: new Float32Array(12) } }, metrics: {} });
    expect(() => parseModel(text)).toThrow(SpecError);
    expect(() => parseModel(text)).toThrow(/^weights: weights of layer 'fc' have shape \[4, 3\] but the layer needs \[2, 3\]/);
  });
});

