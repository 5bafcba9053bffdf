import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeWorkspaceLink } from '../../src/core/share/linkCodec.ts';
import { initWeights } from '../../src/core/network/weights.ts';
import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import { serializeModel } from '../../src/core/train/modelFile.ts';
import { craftLink } from '../support/linkCraft.ts';
import type { ProbeCase, ProbeCategory, ProbeContext } from './probeCase.ts';

/**
 * Workspace files, share links and model files: absurd sizes and values that pass each field's
 * own limit but not their products (issue 18's budgets, owned by the i18-budgets branch), broken
 * JSON, prototype keys, damaged links.
 */

const PRESETS = join(import.meta.dirname, '..', '..', 'public', 'presets');
const preset = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(PRESETS, `${name}.workspace.json`), 'utf8')) as Record<string, unknown>;
const BUDGETS = 'i18-budgets';

type Json = Record<string, unknown>;
const dense = (name: string, units: number): Json => ({ kind: 'dense', name, units });
const lif = (name: string): Json => ({ kind: 'spiking', name, neuron: { model: 'lif' } });
const readout: Json = { kind: 'readout', name: 'out', mode: 'membrane', beta: 0.9, reduce: 'max' };
const net = (inputs: number, ...units: number[]): Json => ({ layers: [{ kind: 'input', name: 'in', shape: [inputs] }, ...units.flatMap((u, i) => [dense(`fc${i}`, u), lif(`lif${i}`)]), readout] });
const withNet = (base: Json, network: Json): Json => ({ ...base, network });

function workspaceCase(name: string, ws: Json | string, command: 'simulate' | 'map' | 'export', owner?: string, expect: 'refuse' | 'either' = 'refuse'): ProbeCase {
  const args = (at: (n: string) => string) =>
    command === 'export' ? ['export', '--workspace', at('w.json'), '--nir', at('out.nir'), '--dt-ms', '1'] : [command, '--workspace', at('w.json')];
  return { category: 'workspace', name: `${command}: ${name}`, files: { 'w.json': typeof ws === 'string' ? ws : JSON.stringify(ws) }, args, expect, ...(owner ? { owner } : {}) };
}

function workspaceCases(): ProbeCase[] {
  const d = preset('default');
  const deep = '['.repeat(200_000) + ']'.repeat(200_000);
  return [
    // Products of sizes each field allows (the budgets branch refuses these before allocating).
    workspaceCase('32 inputs → 10^6 → 10^6 units (10^12 weights)', withNet(d, net(32, 1_000_000, 1_000_000, 5)), 'simulate', BUDGETS),
    workspaceCase('10^6 inputs → 10^6 units', withNet(d, net(1_000_000, 1_000_000, 5)), 'simulate', BUDGETS),
    workspaceCase('a 1000 × 1000 × 1000 image input', withNet(d, { layers: [{ kind: 'input', name: 'in', shape: [1000, 1000, 1000] }, { kind: 'flatten', name: 'f' }, dense('fc', 1000), lif('l'), readout] }), 'simulate', BUDGETS),
    workspaceCase('conv of 4096 filters on 4096 × 4096 × 3', withNet(d, { layers: [{ kind: 'input', name: 'in', shape: [4096, 4096, 3] }, { kind: 'conv2d', name: 'c', filters: 4096, kernel: 15 }, lif('l'), { kind: 'flatten', name: 'f' }, dense('fc', 5), readout] }), 'simulate', BUDGETS),
    workspaceCase('64 layers of 10^5 units', withNet(d, net(32, ...Array.from({ length: 30 }, () => 100_000), 5)), 'simulate', BUDGETS),
    workspaceCase('ECG of 600 s at 2 kHz with 1024 levels', { ...withNet(d, net(2048, 64, 5)), data: { kind: 'synthetic-ecg', durationS: 600, samplingHz: 2000, heartRateBpm: 72 }, encoder: { kind: 'levelCrossing', levels: 1024 } }, 'simulate', BUDGETS),
    workspaceCase('events of 256 × 256 for 10 s at 1 µs steps', { ...preset('dvs-shapes'), data: { kind: 'synthetic-dvs', scene: 'bar-right', width: 256, height: 256, durationMs: 10_000, noiseHz: 100, stepUs: 1 } }, 'simulate', BUDGETS),
    workspaceCase('a 20k × 20k network on a chip', withNet(d, net(20_000, 20_000, 5)), 'map', BUDGETS),
    // Events no spec foretells (issue 26): the recording stops at the events-per-run budget with a
    // note (exit 0), and a delta encoder over it is refused on encoder.threshold.
    workspaceCase('a direct encoder with gain 10^6', { ...withNet(d, net(1, 64, 16)), encoder: { kind: 'direct', gain: 1e6 } }, 'simulate', undefined, 'either'),
    workspaceCase('a delta encoder with threshold 1e-300', { ...withNet(d, net(2, 64, 16)), encoder: { kind: 'delta', threshold: 1e-300 } }, 'simulate'),
    workspaceCase('a 10^5 × 10^5 network exported as NIR', withNet(d, net(100_000, 100_000, 5)), 'export', BUDGETS),
    // Broken documents: the schema and the JSON reader refuse these on every branch.
    workspaceCase('not JSON', '{"schemaVersion": 1, "name": ', 'simulate'),
    workspaceCase('empty file', '', 'simulate'),
    workspaceCase('arrays nested 200,000 deep', deep, 'simulate'),
    workspaceCase('objects nested 200,000 deep', '{"a":'.repeat(200_000) + '1' + '}'.repeat(200_000), 'simulate'),
    workspaceCase('schemaVersion 999', { ...d, schemaVersion: 999 }, 'simulate'),
    // An own '__proto__' key from JSON.parse is an unknown key: the schema drops it, nothing is polluted.
    workspaceCase('__proto__ in the network', JSON.stringify(d).replace('"layers"', '"__proto__":{"polluted":true},"layers"'), 'simulate', undefined, 'either'),
    workspaceCase('units 1e308', withNet(d, net(32, 1e308, 5)), 'simulate'),
    workspaceCase('units -1', withNet(d, net(32, -1, 5)), 'simulate'),
    workspaceCase('units 2.5', withNet(d, net(32, 2.5, 5)), 'simulate'),
    workspaceCase('seed NaN as a string', { ...d, seed: 'NaN' }, 'simulate'),
    workspaceCase('a name of 10 MB', { ...d, name: 'x'.repeat(10 * 2 ** 20) }, 'simulate'),
    workspaceCase('10^6 layers', withNet(d, { layers: Array.from({ length: 1_000_000 }, (_, i) => dense(`l${i}`, 1)) }), 'simulate'),
    workspaceCase('an unknown neuron model', withNet(d, { layers: [{ kind: 'input', name: 'in', shape: [32] }, dense('fc', 5), { kind: 'spiking', name: 'x', neuron: { model: 'hodgkin-huxley' } }, readout] }), 'simulate'),
    workspaceCase('a signal file that is not there', { ...d, data: { kind: 'signal-file', file: '../../etc/passwd', checksum: 'x' } }, 'simulate'),
  ];
}

function linkCase(name: string, link: string, expect: 'refuse' | 'either' = 'refuse'): ProbeCase {
  return { category: 'link', name, files: {}, args: (at) => ['link', 'decode', link, '--out', at('w.json')], expect };
}

function linkCases(ctx: ProbeContext): ProbeCase[] {
  const good = encodeWorkspaceLink(parseWorkspace(preset('default'))).fragment;
  const body = good.slice(good.indexOf('.') + 1);
  const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);
  const cases = [
    linkCase('a valid link', good, 'either'),
    linkCase('empty', ''),
    linkCase('no prefix', body),
    linkCase('codec version 99', good.replace(/^(#?w=)v\d+/, '$1v99')),
    linkCase('not base64url', '#w=v1.%%%%'),
    linkCase('cut to half', good.slice(0, Math.floor(good.length / 2))),
    linkCase('100 KB of A', '#w=v1.' + 'A'.repeat(100_000)),
    linkCase('a header of JSON nested 50,000 deep', craftLink('['.repeat(50_000) + ']'.repeat(50_000))),
    linkCase('a header with __proto__', craftLink('{"__proto__":{"x":1},"schemaVersion":1}')),
    linkCase('a header that is a 10^6-unit network', craftLink(JSON.stringify({ workspace: withNet(preset('default'), net(1_000_000, 1_000_000, 5)) })), 'refuse'),
  ];
  for (let i = 0; i < 6; i++) cases.push(linkCase(`one character changed (seeded ${i})`, flip(good, 6 + ctx.rng.int(good.length - 6))));
  return cases;
}

function modelCases(): ProbeCase[] {
  const ws = parseWorkspace(preset('default'));
  const text = serializeModel({ workspace: ws, classes: ['N', 'S', 'V', 'F', 'Q'], weights: initWeights(ws.network, 1), metrics: {} });
  const doc = JSON.parse(text) as Json;
  const m = (name: string, model: string, command: 'simulate' | 'map' | 'eval' = 'simulate', expect: 'refuse' | 'either' = 'refuse'): ProbeCase => ({
    category: 'model',
    name: `${command}: ${name}`,
    files: { 'm.json': model },
    args: (at) => (command === 'eval' ? ['eval', '--model', at('m.json')] : [command, '--model', at('m.json')]),
    expect,
  });
  const weights = doc['weights'] as Record<string, Json>;
  const firstLayer = Object.keys(weights)[0] ?? 'fc1';
  const withWeights = (w: unknown) => JSON.stringify({ ...doc, weights: { ...weights, [firstLayer]: w } });
  return [
    m('a valid model', text, 'simulate', 'either'),
    m('cut in half', text.slice(0, text.length >> 1)),
    m('weights of the wrong length', withWeights({ ...weights[firstLayer], data: 'AAAA' })),
    m('weights that are not base64', withWeights({ ...weights[firstLayer], data: '!!!!' })),
    m('weights missing', JSON.stringify({ ...doc, weights: {} })),
    m('weights declared 10^9 long', withWeights({ ...weights[firstLayer], shape: [1_000_000, 1000] })),
    m('classes: 10^6 of them', JSON.stringify({ ...doc, classes: Array.from({ length: 1_000_000 }, (_, i) => `c${i}`) }), 'simulate', 'either'),
    m('a workspace of 10^12 weights', JSON.stringify({ ...doc, workspace: withNet(preset('default'), net(1_000_000, 1_000_000, 5)) })),
    m('not JSON', 'model?', 'eval'),
    m('cut in half', text.slice(0, text.length >> 1), 'eval'),
    m('cut in half', text.slice(0, text.length >> 1), 'map'),
  ];
}

/** The document categories. */
export const DOCUMENT_CATEGORIES: readonly ProbeCategory[] = [
  { name: 'workspace', generate: workspaceCases },
  { name: 'link', generate: linkCases },
  { name: 'model', generate: modelCases },
];
