import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../../core/data/formats/eventsRecord.ts';
import { createEngine } from '../../../core/engine/index.ts';
import { mapWorkspace } from '../../../core/hardware/mapWorkspace.ts';
import { parseWorkspace } from '../../../core/spec/parseWorkspace.ts';
import { classMetrics } from '../../../core/train/metrics.ts';
import type { EpochReport } from '../../../core/train/trainer.ts';
import { readoutSeries } from '../traces/readoutSeries.ts';
import { annCsv, annealCsv, costsCsv, meshCsv } from './chipTables.ts';
import { csvChunks, f32, type PlotCsv } from './csvTable.ts';
import { beatsCsv, eventsCsv, imageCsv, sampleCsv } from './inputTables.ts';
import { confusionCsv, curvesCsv, membraneCsv, readoutCsv, signalCsv } from './plotTables.ts';

/** The CSV's lines without the trailing newline. */
const lines = (t: PlotCsv) => t.chunks.join('').trimEnd().split('\n');

describe('csvChunks', () => {
  it('quotes only what must be quoted, and splits a long table into chunks that join to the whole', () => {
    expect(csvChunks(['a', 'b,c'], [['x"y', 1.5]]).join('')).toBe('a,"b,c"\n"x""y",1.5\n');
    const big = csvChunks(['i'], Array.from({ length: 25_000 }, (_, i) => [i]));
    expect(big.length).toBe(4);
    expect(big.join('').split('\n').length - 2).toBe(25_000);
    expect(f32(Math.fround(0.1))).toBe('0.1');
  });
});

describe('CSV of the page’s plots', () => {
  it('signal: one row per sample with its time and every channel, named with the unit', () => {
    const sig = { samplingHz: 250, channels: ['I', 'II'], unit: 'mV', length: 3, values: Float32Array.from([0.1, -1, 0.2, -2, 0.3, -3]), annotations: [] };
    expect(lines(signalCsv(sig))).toEqual(['sample,time_ms,I (mV),II (mV)', '0,0,0.1,-1', '1,4,0.2,-2', '2,8,0.3,-3']);
  });

  it('membrane: step, time and a column per recorded neuron', () => {
    const m = membraneCsv([{ layer: 'lif1', neuron: 3, sample: 0, values: Float32Array.from([0, 0.25, 0.5]) }], 0.5);
    expect(lines(m)).toEqual(['step,time_ms,lif1[3]', '0,0,0', '1,0.5,0.25', '2,1,0.5']);
  });

  it('read-out: a column per class, named, with the values the strip draws', () => {
    const trace = { kind: 'trace' as const, name: 'out', units: 2, steps: 3, values: Float32Array.from([0, 1, 0.5, 1.5, 1, 2]), final: Float32Array.from([1, 2]), scores: Float32Array.from([1, 2]), predicted: 1, decidedBy: 'last' as const };
    const t = readoutCsv(readoutSeries(trace, ['N', 'V']), 1);
    expect(lines(t)).toEqual(['step,time_ms,N,V', '0,0,0,1', '1,1,0.5,1.5', '2,2,1,2']);
  });

  it('training curves: one row per epoch, counted from 1 as on the axis, accuracies in %', () => {
    const e = (epoch: number, acc: number): EpochReport => ({ epoch, loss: 1 / (epoch + 1), trainAccuracy: acc, valAccuracy: acc - 0.1, rate: 0.1, valLoss: 2, layerSpikes: { lif1: 12.5 }, msPerBatch: 30 });
    expect(lines(curvesCsv([e(0, 0.5), e(1, 0.75)]))).toEqual([
      'epoch,loss,val_loss,train_acc_pct,val_acc_pct,ms_per_batch,spikes_per_sample_lif1',
      '1,1,2,50,40,30,12.5',
      '2,0.5,2,75,65,30,12.5',
    ]);
  });

  it('confusion: true, predicted, count for every cell; the counts add up to the samples', () => {
    const m = classMetrics([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 2, 0], 3);
    const rows = lines(confusionCsv(m, ['N', 'S', 'V']));
    expect(rows[0]).toBe('true,predicted,count');
    expect(rows.length - 1).toBe(9);
    expect(rows).toContain('V,N,1');
    expect(rows.slice(1).reduce((a, r) => a + Number(r.split(',')[2]), 0)).toBe(6);
  });

  it('input views: events, image pixels, beats and a data-set sample', () => {
    const ev: EventRecord = { format: 'synthetic', file: 'x', width: 4, height: 4, x: Uint16Array.from([1, 2]), y: Uint16Array.from([3, 0]), p: Uint8Array.from([1, 0]), t: Float64Array.from([10, 25]) };
    expect(lines(eventsCsv(ev))).toEqual(['t_us,x,y,polarity', '10,1,3,1', '25,2,0,0']);
    expect(lines(imageCsv({ width: 2, height: 1, pixels: Float32Array.from([0, 1]) }))).toEqual(['row,col,value', '0,0,0', '0,1,1']);
    expect(lines(beatsCsv({ width: 2, vectors: Float32Array.from([1, 2, 3, 4]), beats: [{ sample: 100, symbol: 'N' }, { sample: 400, symbol: 'V' }] }))).toEqual(['beat,sample,symbol,v0,v1', '0,100,N,1,2', '1,400,V,3,4']);
    expect(lines(sampleCsv({ steps: 2, neurons: 3, values: Float32Array.from([1, 0, 0, 0, 1, 1]) }, 2))).toEqual(['step,time_ms,n0,n1,n2', '0,0,1,0,0', '1,2,0,1,1']);
  });
});

describe('CSV of the chip view, from a real mapping of the default preset on Loihi', () => {
  it('costs add up to their totals, the ANN table has a row per device, the mesh a row per used core', async () => {
    const file = join(import.meta.dirname, '..', '..', '..', '..', 'public', 'presets', 'default.workspace.json');
    const ws = parseWorkspace({ ...JSON.parse(readFileSync(file, 'utf8')), chip: { id: 'loihi' } });
    const engine = await createEngine('events');
    const r = await mapWorkspace(ws, engine);
    engine.dispose();

    const costs = lines(costsCsv(r)).slice(1).map((l) => l.split(','));
    const sum = (q: string) => costs.filter((c) => c[0] === q && c[1] !== 'total').reduce((a, c) => a + Number(c[2]), 0);
    const total = (q: string) => Number(costs.find((c) => c[0] === q && c[1] === 'total')?.[2]);
    expect(total('energy')).toBe(r.energy.totalJ);
    expect(sum('energy')).toBeCloseTo(r.energy.totalJ, 15);
    expect(total('latency')).toBe(r.latency.totalS);
    expect(sum('latency')).toBeCloseTo(r.latency.totalS, 12);

    const ann = lines(annCsv(r));
    expect(ann.length - 1).toBe(r.ann.devices.length + 1);
    expect(Number(ann[1]?.split(',')[1])).toBe(r.energyPerInferenceJ);

    const mesh = lines(meshCsv(r));
    expect(mesh.length - 1).toBe(r.cores.length);
    const header = mesh[0]?.split(',') ?? [];
    const neuronsAt = header.indexOf('neurons');
    expect(mesh.slice(1).reduce((a, row) => a + Number(row.split(',')[neuronsAt]), 0)).toBe(r.cores.reduce((a, c) => a + c.neurons, 0));
    expect(header.some((h) => h.startsWith('util_'))).toBe(true);

    const anneal = lines(annealCsv(r.annealCurve, 5, { seed: 4, curve: [3, 2] }));
    expect(anneal.length - 1).toBe(r.annealCurve.length + 2);
    expect(anneal[anneal.length - 1]).toBe('4,1,2');
  });
});
