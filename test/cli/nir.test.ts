import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initWeights } from '../../src/core/network/weights.ts';
import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import { parseModel, serializeModel } from '../../src/core/train/modelFile.ts';
import { cli } from '../support/cli.ts';
import { PRESETS_DIR, presetWorkspaces } from '../support/presets.ts';

const dir = mkdtempSync(join(tmpdir(), 'spikelab-nir-'));
const preset = (name: string) => join(PRESETS_DIR, `${name}.workspace.json`);
const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'nir', name);
const workspaceOf = (name: string) => {
  const found = presetWorkspaces().find(([f]) => f === `${name}.workspace.json`);
  if (!found) throw new Error(`no preset ${name}`);
  return found[1];
};

describe('spikelab export / import (NIR)', () => {
  it('exports a workspace with a model’s weights and imports it back: the same workspace and weights', () => {
    const ws = workspaceOf('dvs-shapes');
    const weights = initWeights(ws.network, 99);
    const model = join(dir, 'shapes.model.json');
    writeFileSync(model, serializeModel({ workspace: ws, classes: [], weights, metrics: {} }));
    const nir = join(dir, 'shapes.nir');
    const exp = cli('export', '--workspace', preset('dvs-shapes'), '--model', model, '--nir', nir);
    expect(exp.code, exp.err).toBe(0);
    expect(exp.out).toMatch(/wrote .*shapes\.nir: 8 NIR nodes \(Input → Conv2d → LIF → SumPool2d → Flatten → Linear → LI → Output\), time constants for Δt = 10 ms/);
    expect(exp.err).toMatch(/layer 'lif1' resets by subtracting θ, which NIR cannot express/);
    const out = join(dir, 'shapes.json');
    const outModel = join(dir, 'shapes.imported.model.json');
    const imp = cli('import', nir, '--out', out, '--out-model', outModel);
    expect(imp.code, imp.err).toBe(0);
    expect(parseWorkspace(JSON.parse(readFileSync(out, 'utf8')))).toEqual(ws);
    const back = parseModel(readFileSync(outModel, 'utf8'));
    for (const [name, w] of Object.entries(weights)) expect([...(back.weights[name]?.values ?? [])]).toEqual([...w.values]);
  });

  it('says when it writes untrained weights, and asks for --dt-ms when the data’s step is in a file it cannot see', () => {
    const plain = cli('export', '--workspace', preset('eeg'), '--nir', join(dir, 'eeg.nir'));
    expect(plain.code, plain.err).toBe(0);
    expect(plain.err).toMatch(/no --model, so the seeded initial \(untrained\) weights are written/);
    const ws = { ...workspaceOf('ecg-synthetic'), data: { kind: 'signal-file', file: '100.hea', checksum: 'crc32:00000000:1', channel: 0 } };
    const file = join(dir, 'record.workspace.json');
    writeFileSync(file, JSON.stringify(ws));
    const refused = cli('export', '--workspace', file, '--nir', join(dir, 'record.nir'));
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/the workspace's data comes from the file '100\.hea', so its time step is not known here: give --dt-ms/);
    expect(cli('export', '--workspace', file, '--nir', join(dir, 'record.nir'), '--dt-ms', '2.5').code).toBe(0);
  });

  it('imports a file written by Norse into a runnable workspace, saying on stderr what it chose', () => {
    const out = join(dir, 'norse.json');
    const model = join(dir, 'norse.model.json');
    const imp = cli('import', fixture('lif_norse.nir'), '--out', out, '--out-model', model, '--dt-ms', '0.1');
    expect(imp.code, imp.err).toBe(0);
    expect(imp.out).toMatch(/wrote .*norse\.json: "lif_norse", input \(input\) → affine_0 \(dense\) → lif_1 \(lif\)/);
    expect(imp.err).toMatch(/data source chosen for the import: 1 input\(s\): synthetic ECG with 1 lead\(s\) at 2000 Hz/);
    expect(imp.err).toMatch(/the data steps every 0\.5 ms but the decays were computed for Δt = 0\.1 ms/);
    const sim = cli('simulate', '--model', model, '--json');
    expect(sim.code, sim.err).toBe(0);
    const lif = (JSON.parse(sim.out) as { layers: { name: string; spikes: number }[] }).layers.find((l) => l.name === 'lif_1');
    expect(lif?.spikes).toBeGreaterThan(0);
  });

  it('imports the NIR paper’s Sinabs CNN (explicit padding) and Braille RSNN (a loop) and simulates each', () => {
    for (const [file, last] of [['cnn_sinabs.nir', 'if_12'], ['braille_noDelay_noBias_subtract.nir', 'lif2']] as const) {
      const ws = join(dir, `${file}.workspace.json`);
      const model = join(dir, `${file}.model.json`);
      const imp = cli('import', fixture(file), '--out', ws, '--out-model', model);
      expect(imp.code, imp.err).toBe(0);
      const sim = cli('simulate', '--model', model, '--json');
      expect(sim.code, sim.err).toBe(0);
      const layers = (JSON.parse(sim.out) as { layers: { name: string; spikes: number }[] }).layers;
      expect(layers.map((l) => l.name)).toContain(last);
    }
  });

  it('exits 2 naming the problem for a file that is not NIR, a graph it cannot map, or a missing file', () => {
    const text = join(dir, 'notes.nir');
    writeFileSync(text, 'not a network\n');
    const bad = cli('import', text, '--out', join(dir, 'never.json'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/spikelab import: notes\.nir: HDF5 signature at byte 0: not an HDF5 file/);
    const leaky = cli('import', fixture('two_lif_neurons.nir'), '--out', join(dir, 'never.json'));
    expect(leaky.code).toBe(2);
    expect(leaky.err).toMatch(/NIR node 'lif1' \(LIF\): v_leak is not zero/);
    expect(() => readFileSync(join(dir, 'never.json'))).toThrow();
    const missing = cli('import', join(dir, 'nope.nir'), '--out', join(dir, 'never.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read '.*nope\.nir': no such file/);
    expect(cli('import', fixture('lif_norse.nir')).err).toMatch(/--out WORKSPACE\.json is required\nusage: spikelab import/);
  });
});
