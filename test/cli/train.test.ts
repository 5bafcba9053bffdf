import { availableParallelism } from 'node:os';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../support/cli.ts';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, HAVE_DATA } from '../support/sharedData.ts';

interface EvalJson {
  accuracy: number;
  macro_f1: number;
  classes: string[];
  per_class: Record<string, { recall: number; precision: number; support: number }>;
  confusion: number[][];
}

describe('spikelab train / eval on the synthetic ECG preset', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spikelab-train-'));
  const model = join(dir, 'model.json');

  it('trains with per-epoch JSON lines, beats chance clearly, writes a model that eval scores identically', { timeout: 180_000 }, () => {
    const t = cli('train', '--preset', 'ecg-synthetic', '--epochs', '3', '--out', model, '--json');
    expect(t.code, t.err).toBe(0);
    const lines = t.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, number>);
    expect(lines.filter((l) => 'epoch' in l)).toHaveLength(3);
    const final = lines.at(-1) as unknown as EvalJson;
    // Five classes, the majority (N) about 60 %: a trained SNN must do clearly better.
    expect(final.accuracy).toBeGreaterThan(0.8);
    expect(JSON.parse(readFileSync(model, 'utf8')).format).toBe('spikelab-model');
    const e = cli('eval', '--model', model, '--json');
    expect(e.code, e.err).toBe(0);
    const ev = JSON.parse(e.out) as EvalJson;
    // Same seed, same test beats, same weights: the saved model predicts exactly as trained.
    expect(ev.accuracy).toBe(final.accuracy);
    expect(ev.confusion).toEqual(final.confusion);
    expect(ev.classes).toEqual(['N', 'S', 'V', 'F', 'Q']);
    expect(ev.per_class['V']?.support).toBeGreaterThan(0);
  });

  // Six trainings and two refusals, each a CLI process of its own: 35 s on this 2-core machine under
  // the load of seven engineers (2026-12-05), so the limit is five times that.
  it('trains on the BPTT kernel by default, on tfjs when asked, and refuses the kernel for a network it cannot train', { timeout: 300_000 }, () => {
    const onKernel = cli('train', '--preset', 'ecg-synthetic', '--epochs', '1', '--out', join(dir, 'k.json'));
    expect(onKernel.code, onKernel.err).toBe(0);
    // By default every core trains (at most 4), the batch split between threads; on 2 cores one, and it says why.
    const cores = availableParallelism();
    expect(onKernel.out).toMatch(cores >= 3 ? new RegExp(`trained on WebAssembly SIMD BPTT kernel, ${Math.min(4, cores)} threads, each batch split between them`) : /trained on WebAssembly SIMD BPTT kernel, one thread \(this machine reports (a single core|2 cores, where a second thread trained the presets no faster; --threads 2 to try)\)/);
    const oneThread = cli('train', '--preset', 'ecg-synthetic', '--epochs', '1', '--threads', '1', '--json', '--out', join(dir, 'k1.json'));
    expect(oneThread.code, oneThread.err).toBe(0);
    const parallelJson = cli('train', '--preset', 'ecg-synthetic', '--epochs', '1', '--threads', '2', '--json', '--out', join(dir, 'k2.json'));
    // Threads change only the order of float64 sums: the same test accuracy.
    expect(JSON.parse(parallelJson.out.trim().split('\n').at(-1) ?? '{}').accuracy).toBe(JSON.parse(oneThread.out.trim().split('\n').at(-1) ?? '{}').accuracy);
    expect(cli('train', '--preset', 'ecg-synthetic', '--threads', '0', '--out', join(dir, 'x.json')).err).toMatch(/--threads must be a whole number from 1 to 64, got '0'/);
    const onTfjs = cli('train', '--preset', 'ecg-synthetic', '--epochs', '1', '--train-engine', 'tfjs', '--out', join(dir, 't.json'));
    expect(onTfjs.code, onTfjs.err).toBe(0);
    expect(onTfjs.out).toMatch(/trained on tfjs \w+ \(the kernel was not used: tfjs was asked for\)/);
    // The conv preset on two samples per class: only which engine trains it is checked here (sourcePresets trains it whole).
    const convFile = join(dir, 'conv.workspace.json');
    const convWs = JSON.parse(readFileSync(new URL('../../public/presets/dvs-shapes.workspace.json', import.meta.url), 'utf8')) as { training: { dataset: { perClass: number; testPerClass: number } } };
    convWs.training.dataset = { ...convWs.training.dataset, perClass: 2, testPerClass: 1 };
    writeFileSync(convFile, JSON.stringify(convWs));
    const conv = cli('train', '--workspace', convFile, '--epochs', '1', '--out', join(dir, 'c.json'));
    expect(conv.code, conv.err).toBe(0);
    expect(conv.out).toMatch(/trained on WebAssembly SIMD BPTT kernel, .* \(dense and conv layers, recurrent dense populations, LIF, IF, current-based and adaptive LIF neurons\)/);
    const alifFile = join(dir, 'ssf.workspace.json');
    const ws = JSON.parse(readFileSync(new URL('../../public/presets/ecg-synthetic.workspace.json', import.meta.url), 'utf8')) as { network: { layers: { kind: string; neuron?: unknown }[] } };
    ws.network.layers = ws.network.layers.map((l) => (l.kind === 'spiking' ? { ...l, neuron: { model: 'ssf' } } : l));
    writeFileSync(alifFile, JSON.stringify(ws));
    const alif = cli('train', '--workspace', alifFile, '--epochs', '1', '--train-engine', 'kernel', '--out', join(dir, 'a.json'));
    expect(alif.code).toBe(2);
    expect(alif.err).toMatch(/the BPTT kernel cannot train this workspace: 'lif1' is ssf; the kernel trains lif, if, cubaLif and alif neurons/);
    expect(cli('train', '--preset', 'ecg-synthetic', '--train-engine', 'gpu', '--out', join(dir, 'x.json')).err).toMatch(/--train-engine must be auto, kernel or tfjs, got 'gpu'/);
  });

  // Seven CLI processes, none of which trains: 35 s measured under load, the limit five times that.
  it('refuses bad arguments and a bad model file with exit 2', { timeout: 180_000 }, () => {
    expect(cli('train', '--preset', 'ecg-synthetic').code).toBe(2);
    expect(cli('train', '--preset', 'ecg-synthetic', '--out', model, '--split', 'diagonal').code).toBe(2);
    const intra = cli('train', '--preset', 'audio-digits', '--out', model, '--split', 'intra', '--held-out', 'george');
    expect([intra.code, intra.err]).toEqual([2, expect.stringContaining('--held-out SPEAKER goes with --split inter')]);
    // A workspace whose own split is FSDD's takes no held-out speaker either.
    const audio = JSON.parse(readFileSync('public/presets/audio-digits.workspace.json', 'utf8')) as { training: { dataset: { split?: string } } };
    audio.training.dataset.split = 'intra';
    const intraFile = join(dir, 'intra.workspace.json');
    writeFileSync(intraFile, JSON.stringify(audio));
    const intraWs = cli('train', '--workspace', intraFile, '--out', model, '--held-out', 'george');
    expect([intraWs.code, intraWs.err]).toEqual([2, expect.stringContaining('--held-out SPEAKER goes with --split inter')]);
    const ecg = cli('train', '--preset', 'ecg-synthetic', '--out', model, '--held-out', 'george');
    expect([ecg.code, ecg.err]).toEqual([2, expect.stringContaining('--held-out SPEAKER holds out a speaker of spoken digits; this workspace trains on ecg-beats')]);
    expect(cli('eval', '--model', join(dir, 'missing.json')).code).toBe(2);
  });
});

describe.skipIf(!HAVE_DATA)('spikelab convert on MNIST', () => {
  it('reports the ANN accuracy and the converted SNN accuracy and gap for T = 10…100', { timeout: 180_000 }, () => {
    const r = cli('convert', '--data', join(DATA_DIR, 'mnist'), '--train', '500', '--test', '200', '--hidden', '32', '--epochs', '4', '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { ann_accuracy: number; snn: { steps: number; accuracy: number; gap: number }[] };
    expect(j.ann_accuracy).toBeGreaterThan(0.6);
    expect(j.snn.map((s) => s.steps)).toEqual([10, 25, 50, 100]);
    expect(j.snn.at(-1)!.gap).toBeLessThan(0.1);
    expect(cli('convert').code).toBe(2);
  });
});
