import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initWeights } from '../../src/core/network/weights.ts';
import { parseWorkspace } from '../../src/core/spec/parseWorkspace.ts';
import { serializeModel } from '../../src/core/train/modelFile.ts';
import { cli } from '../support/cli.ts';
import { PRESETS_DIR } from '../support/presets.ts';
import { DATA_DIR, HAVE_DATA } from '../support/sharedData.ts';
import { glide, pcm16Wav } from '../support/wavFile.ts';

interface EvalJson {
  accuracy: number;
  confusion: number[][];
  samples: number;
  files: number;
  data: string;
}

/** A model file of a preset with its untrained weights: eval's counting does not depend on training. */
function untrainedModel(dir: string, preset: string, classes: readonly string[]): string {
  const ws = parseWorkspace(JSON.parse(readFileSync(join(PRESETS_DIR, `${preset}.workspace.json`), 'utf8')));
  const path = join(dir, `${preset}.model.json`);
  writeFileSync(path, serializeModel({ workspace: ws, classes, weights: initWeights(ws.network, ws.seed), metrics: {} }));
  return path;
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

describe('spikelab eval scores the files it is given, never a split of them', () => {
  it('scores every WAV digit of a folder holding one speaker, and says how many', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'spikelab-eval-'));
    const wavs = join(dir, 'alice');
    mkdirSync(wavs);
    // 12 takes of one speaker: the audio-digits preset's split is 'inter', which needs two speakers to train.
    for (let k = 0; k < 12; k++) writeFileSync(join(wavs, `${k % 10}_alice_${k}.wav`), pcm16Wav(glide(300 + 40 * k, 900 - 30 * k, 0.5, 8000), 8000));
    const model = untrainedModel(dir, 'audio-digits', DIGITS);
    const r = cli('eval', '--model', model, '--data', wavs, '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as EvalJson;
    expect([j.samples, j.files]).toEqual([12, 12]);
    expect(j.confusion.flat().reduce((a, b) => a + b, 0)).toBe(12);
    expect(j.data).toMatch(/^12 spoken digits of 1 speaker from /);
    const text = cli('eval', '--model', model, '--data', wavs);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/^scored 12 spoken digits of 1 speaker from .*alice \(12 files\): accuracy /);
  });
});

describe.skipIf(!HAVE_DATA)('spikelab eval on a folder of N-MNIST files', () => {
  it('scores every labelled file of a folder without a test list', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'spikelab-eval-events-'));
    const folder = join(dir, 'nmnist');
    mkdirSync(folder);
    const src = join(DATA_DIR, 'dvs/nmnist/slayerPytorch-NMNISTsmall');
    // The first five lines of the training list, as their own folder with a train list only.
    const lines = readFileSync(join(src, 'train1K.txt'), 'utf8').split(/\r?\n/).filter((l) => /^\S+\s+\d+\s*$/.test(l)).slice(0, 5);
    for (const l of lines) symlinkSync(join(src, `${l.split(/\s+/)[0]}.bs2`), join(folder, `${l.split(/\s+/)[0]}.bs2`));
    writeFileSync(join(folder, 'train.txt'), `#sample\tlabel\n${lines.join('\n')}\n`);
    const r = cli('eval', '--model', untrainedModel(dir, 'dvs-nmnist', DIGITS), '--data', folder, '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as EvalJson;
    expect([j.samples, j.files]).toEqual([5, 5]);
    expect(j.data).toMatch(/^5 event recordings \(every labelled one\)/);
  });

  it('refuses, without a stack trace, to score a model that names no classes (an imported NIR network)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spikelab-eval-'));
    const r = cli('eval', '--model', untrainedModel(dir, 'default', []));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/names no classes .* so it cannot be scored/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

