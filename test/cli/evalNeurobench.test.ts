import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initWeights } from '../../src/core/network/weights.ts';
import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import { trainingSchema } from '../../src/core/spec/trainingConfig.ts';
import { serializeModel } from '../../src/core/train/modelFile.ts';
import { scoringSet } from '../../src/core/train/scoringSets.ts';
import { cli } from '../support/cli.ts';
import { PRESETS_DIR } from '../support/presets.ts';

interface NeurobenchJson {
  accuracy: number;
  samples: number;
  footprint_bytes: number;
  connection_sparsity: number;
  activation_sparsity: number;
  synaptic_operations: { dense: number; eff_macs: number; eff_acs: number };
}

/** A preset's model with its untrained (seeded) weights: what eval counts does not depend on training. */
function presetModel(preset: string, classes: number) {
  const ws = parseWorkspace(JSON.parse(readFileSync(join(PRESETS_DIR, `${preset}.workspace.json`), 'utf8')));
  const path = join(mkdtempSync(join(tmpdir(), 'spikelab-nb-')), `${preset}.model.json`);
  const weights = initWeights(ws.network, ws.seed);
  writeFileSync(path, serializeModel({ workspace: ws, classes: Array.from({ length: classes }, (_, k) => `c${k}`), weights, metrics: {} }));
  return { ws, path, weights };
}

describe('spikelab eval reports NeuroBench’s metrics under NeuroBench’s names', () => {
  it('carries footprint, both sparsities and synaptic operations in --json and one line of text (default preset, tfjs)', { timeout: 120_000 }, () => {
    const { ws, path } = presetModel('default', 5);
    const r = cli('eval', '--model', path, '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as NeurobenchJson;
    // in 32 → fc 64 → LIF → fc 16 → LIF → fc 5 → membrane read-out: 32·64 + 64·16 + 16·5 = 3152
    // weights at 4 bytes, plus 3 numbers per LIF spec (tauMemMs, threshold, refractoryMs) and the read-out's β.
    expect(j.footprint_bytes).toBe(3152 * 4 + (3 + 3 + 1) * 4);
    // Seeded uniform weights are never exactly zero.
    expect(j.connection_sparsity).toBe(0);
    // Dense: every synapse at every step of a sample.
    const steps = scoringSet(ws, ws.training ?? trainingSchema.parse({}), 5).set.steps;
    expect(j.synaptic_operations.dense).toBe(3152 * steps);
    // The level-crossing encoder gives spikes: every effective operation is an accumulate.
    expect(j.synaptic_operations.eff_macs).toBe(0);
    expect(j.synaptic_operations.eff_acs).toBeGreaterThan(0);
    expect(j.synaptic_operations.eff_acs).toBeLessThan(j.synaptic_operations.dense);
    expect(j.activation_sparsity).toBeGreaterThan(0);
    expect(j.activation_sparsity).toBeLessThan(1);
    const text = cli('eval', '--model', path);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/\nNeuroBench: footprint 12636 bytes, connection sparsity 0\.0000, activation sparsity 0\.\d{4}, synaptic ops per sample: dense [\d.]+ k, effective MACs 0, effective ACs [\d.]+ k\n/);
  });

  it('counts the ANN head after the accumulator as MACs on a graph scored by the event engine (audio-digits-pool)', { timeout: 120_000 }, () => {
    const { path } = presetModel('audio-digits-pool', 10);
    const r = cli('eval', '--model', path, '--json');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/scoring on the event engine/);
    const j = JSON.parse(r.out) as NeurobenchJson;
    // The direct-encoded input into the first layers and the accumulated counts into the head are real values.
    expect(j.synaptic_operations.eff_macs).toBeGreaterThan(0);
    expect(j.synaptic_operations.eff_macs + j.synaptic_operations.eff_acs).toBeLessThanOrEqual(j.synaptic_operations.dense);
  });
});
