import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../errors.ts';
import { parseWorkspace } from './parseWorkspace.ts';

/** A small valid workspace; each invalid case below breaks exactly one thing in a copy of it. */
function validDoc(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    name: 'test',
    seed: 3,
    network: {
      layers: [
        { kind: 'input', name: 'in', shape: [2] },
        { kind: 'dense', name: 'fc1', units: 8 },
        { kind: 'spiking', name: 'lif1', neuron: { model: 'lif', beta: 0.9 } },
      ],
    },
    data: { kind: 'synthetic-ecg' },
    encoder: { kind: 'delta', threshold: 0.05 },
  };
}

type Doc = Record<string, unknown> & { network: { layers: Record<string, unknown>[] } };

function withChange(change: (doc: Doc) => void): Doc {
  const doc = structuredClone(validDoc()) as Doc;
  change(doc);
  return doc;
}

function issuePaths(value: unknown): string[] {
  try {
    parseWorkspace(value);
  } catch (e) {
    if (e instanceof SpecError) return e.issues.map((i) => i.path);
    throw e;
  }
  throw new Error('expected parseWorkspace to throw a SpecError');
}

const layer = (doc: Doc, i: number): Record<string, unknown> => {
  const l = doc.network.layers[i];
  if (!l) throw new Error(`no layer ${i}`);
  return l;
};

describe('parseWorkspace', () => {
  it('accepts a valid workspace and fills defaults', () => {
    const ws = parseWorkspace(validDoc());
    expect(ws.simulation.engine).toBe('events');
    const lif = ws.network.layers[2];
    expect(lif?.kind === 'spiking' && lif.neuron.model === 'lif' ? lif.neuron.threshold : undefined).toBe(1);
  });

  it('accepts every preset shipped in public/presets', () => {
    const dir = new URL('../../../public/presets/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.workspace.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) expect(parseWorkspace(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))).name, f).toBeTruthy();
  });

  const cases: [string, () => unknown, string][] = [
    ['a non-object document', () => [1, 2], '(root)'],
    ['a missing schemaVersion', () => withChange((d) => delete d['schemaVersion']), 'schemaVersion'],
    ['a version newer than the code', () => withChange((d) => (d['schemaVersion'] = 99)), 'schemaVersion'],
    ['a negative unit count', () => withChange((d) => (layer(d, 1)['units'] = -4)), 'network.layers[1].units'],
    ['a fractional unit count', () => withChange((d) => (layer(d, 1)['units'] = 2.5)), 'network.layers[1].units'],
    ['an unknown layer kind', () => withChange((d) => (layer(d, 1)['kind'] = 'lstm')), 'network.layers[1].kind'],
    ['an unknown neuron model', () => withChange((d) => (layer(d, 2)['neuron'] = { model: 'hodgkin' })), 'network.layers[2].neuron.model'],
    ['a negative threshold', () => withChange((d) => (layer(d, 2)['neuron'] = { model: 'lif', threshold: -1 })), 'network.layers[2].neuron.threshold'],
    ['both beta and tauMemMs', () => withChange((d) => (layer(d, 2)['neuron'] = { model: 'lif', beta: 0.9, tauMemMs: 10 })), 'network.layers[2].neuron.tauMemMs'],
    ['a duplicate layer name', () => withChange((d) => (layer(d, 2)['name'] = 'fc1')), 'network.layers[2].name'],
    ['a layer name with a space', () => withChange((d) => (layer(d, 1)['name'] = 'fc 1')), 'network.layers[1].name'],
    ['a layer called constructor (weights are keyed by name)', () => withChange((d) => (layer(d, 1)['name'] = 'constructor')), 'network.layers[1].name'],
    ['an input layer that is not first', () => withChange((d) => d.network.layers.reverse()), 'network.layers[0].kind'],
    ['an input width that does not match the encoder', () => withChange((d) => (layer(d, 0)['shape'] = [3])), 'network.layers[0].shape'],
    ['a dense layer after a 3-D input', () => withChange((d) => {
      layer(d, 0)['shape'] = [1, 1, 2];
    }), 'network.layers[1].kind'],
    ['a conv window larger than its input', () => withChange((d) => {
      layer(d, 0)['shape'] = [1, 2, 1];
      d.network.layers.splice(1, 0, { kind: 'conv2d', name: 'c', filters: 2, kernel: 3 }, { kind: 'flatten', name: 'f' });
    }), 'network.layers[1].kernel'],
    ['a membrane probe on a missing layer', () => withChange((d) => (d['simulation'] = { record: { membrane: [{ layer: 'nope', neuron: 0 }] } })), 'simulation.record.membrane[0].layer'],
    ['a membrane probe past the last neuron', () => withChange((d) => (d['simulation'] = { record: { membrane: [{ layer: 'lif1', neuron: 8 }] } })), 'simulation.record.membrane[0].neuron'],
    ['an unknown encoder', () => withChange((d) => (d['encoder'] = { kind: 'morse' })), 'encoder.kind'],
    ['a seed out of range', () => withChange((d) => (d['seed'] = -1)), 'seed'],
    ['a last layer that is not spiking or readout', () => withChange((d) => d.network.layers.pop()), 'network.layers[1].kind'],
  ];

  it.each(cases)('refuses %s with the error at its JSON path', (_label, make, path) => {
    expect(issuePaths(make())).toContain(path);
  });

  it('reports every issue, not just the first', () => {
    const doc = withChange((d) => {
      layer(d, 1)['units'] = 0;
      d['seed'] = 'x';
    });
    expect(issuePaths(doc)).toEqual(expect.arrayContaining(['network.layers[1].units', 'seed']));
  });

  it('gives plain-sentence messages that name the problem', () => {
    expect(() => parseWorkspace(withChange((d) => (layer(d, 2)['name'] = 'fc1')))).toThrow(/already used by layers\[1\]/);
  });
});
