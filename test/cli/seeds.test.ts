import { mkdtempSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parallelRuns, parseSeeds, seedPath, withoutOptions } from '../../src/cli/seedRuns.ts';
import { cli } from '../support/cli.ts';

interface SeedsJson {
  runs: { seed: number; accuracy: number; macro_f1: number; model?: string; best_epoch?: number }[];
  summary: Record<string, { mean: number; sd: number; min: number; max: number; n: number }>;
}

describe('--seeds: the runs it makes', () => {
  it('reads a count from the base seed or a list, and refuses anything else by name', () => {
    expect(parseSeeds('3', 7)).toEqual([7, 8, 9]);
    expect(parseSeeds('1, 7,42', 0)).toEqual([1, 7, 42]);
    expect(() => parseSeeds('0', 1)).toThrow(/from 1 to 64/);
    expect(() => parseSeeds('1,1', 1)).toThrow(/twice/);
    expect(() => parseSeeds('three', 1)).toThrow(/a count \(3\) or a list/);
  });

  it('writes each seed’s model beside the named one and strips the options each run sets', () => {
    expect(seedPath('out/model.json', 7)).toBe('out/model.seed-7.json');
    expect(seedPath('model', 3)).toBe('model.seed-3');
    expect(withoutOptions(['--preset', 'x', '--seeds', '3', '--json', '--seed=4', '--out', 'm.json', '--epochs', '2'], ['seeds', 'seed', 'out', 'json'])).toEqual(['--preset', 'x', '--epochs', '2']);
  });

  it('runs as many at once as the cores allow each run’s threads', () => {
    expect(parallelRuns(3, 1, 2)).toBe(2);
    expect(parallelRuns(5, 4, 16)).toBe(4);
    expect(parallelRuns(2, 4, 2)).toBe(1);
  });
});

describe('spikelab train and eval --seeds on the synthetic ECG preset', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spikelab-seeds-'));
  const out = join(dir, 'model.json');

  it('trains once per seed, writes a model per seed and reports each run and the spread', { timeout: 300_000 }, () => {
    const t = cli('train', '--preset', 'ecg-synthetic', '--epochs', '1', '--seeds', '3,4', '--out', out, '--json');
    expect(t.code, t.err).toBe(0);
    const j = JSON.parse(t.out.trim().split('\n').at(-1) as string) as SeedsJson;
    expect(j.runs.map((r) => r.seed)).toEqual([3, 4]);
    for (const r of j.runs) {
      expect(r.model).toBe(join(dir, `model.seed-${r.seed}.json`));
      expect(existsSync(r.model as string)).toBe(true);
      expect(JSON.parse(readFileSync(r.model as string, 'utf8')).workspace.seed).toBe(r.seed);
    }
    const accs = j.runs.map((r) => r.accuracy);
    expect(j.summary['accuracy']).toMatchObject({ n: 2, min: Math.min(...accs), max: Math.max(...accs) });
    expect(j.summary['accuracy']?.mean).toBeCloseTo((accs[0] as number + (accs[1] as number)) / 2, 12);
    expect(j.summary['macro_f1']?.n).toBe(2);
    // The runs differ only by seed: two seeds train two different networks.
    expect(readFileSync(join(dir, 'model.seed-3.json'), 'utf8')).not.toBe(readFileSync(join(dir, 'model.seed-4.json'), 'utf8'));
  });

  it('scores one model over seeds: the model’s own seed gives its single-run figure', { timeout: 300_000 }, () => {
    const model = join(dir, 'model.seed-3.json');
    const single = cli('eval', '--model', model, '--json');
    expect(single.code, single.err).toBe(0);
    const e = cli('eval', '--model', model, '--seeds', '2', '--json');
    expect(e.code, e.err).toBe(0);
    const j = JSON.parse(e.out) as SeedsJson;
    expect(j.runs.map((r) => r.seed)).toEqual([3, 4]);
    expect(j.runs[0]?.accuracy).toBe((JSON.parse(single.out) as { accuracy: number }).accuracy);
    expect(j.summary['accuracy']?.n).toBe(2);
    const text = cli('eval', '--model', model, '--seeds', '2');
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/accuracy \d+\.\d ± \d+\.\d % \(n = 2, /);
  });

  it('names a bad --seeds value and exits 2', () => {
    const r = cli('train', '--preset', 'ecg-synthetic', '--seeds', '1,x', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--seeds takes a count \(3\) or a list of seeds/);
  });
});
