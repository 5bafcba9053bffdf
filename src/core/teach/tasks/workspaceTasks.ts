import { z } from 'zod';
import { encoderSchema } from '../../encoders/schema.ts';
import { layerNameSchema } from '../../spec/network.ts';
import { formatCount } from '../../format/engineering.ts';
import { defineTask, plural } from './taskKind.ts';
import { modelLabel, neuronKindSchema } from './neuronNames.ts';
import { NO_RUN, runLayer } from './runLayers.ts';

/** The encoder kinds of the workspace format (encoders/schema.ts). */
const ENCODER_KINDS = encoderSchema.options.map((o) => o.shape.kind.value);
const encoderKind = z.enum(ENCODER_KINDS as [string, ...string[]]);

/** The encoder sends few input spikes while the output still spikes. */
export const encoderSpikes = defineTask({
  summary: "the workspace's encoder is one of `kinds` (any when absent), its input layer sends at most maxInputSpikes spikes in the run, and the output layer (or `outputLayer`) still fires at least minOutputSpikes",
  params: z.strictObject({
    kinds: z.array(encoderKind).min(1).max(6).optional(),
    maxInputSpikes: z.number().int().min(0),
    minOutputSpikes: z.number().int().min(1).default(1),
    outputLayer: layerNameSchema.optional(),
  }),
  example: { kinds: ['delta', 'levelCrossing'], maxInputSpikes: 400, minOutputSpikes: 1 },
  check: (p, ctx) => {
    const kind = ctx.workspace?.encoder.kind;
    if (kind === undefined) return { done: false, feedback: 'No workspace is loaded.' };
    if (p.kinds && !p.kinds.includes(kind)) return { done: false, feedback: `The ${kind} encoder is on — this task wants one of: ${p.kinds.join(', ')}.` };
    if (!ctx.run) return { done: false, feedback: NO_RUN };
    const input = ctx.run.layers[0];
    const out = runLayer(ctx, ctx.run.layers.slice(1), p.outputLayer);
    if (!input || !out) return { done: false, feedback: `The run has no ${input ? `layer '${p.outputLayer ?? 'output'}'` : 'input layer'}.` };
    const seen = `The ${kind} encoder sends ${formatCount(input.spikeCount)} input spikes; the output layer '${out.name}' fires ${formatCount(out.spikeCount)}`;
    if (input.spikeCount > p.maxInputSpikes) return { done: false, feedback: `${seen} — too many input spikes: at most ${formatCount(p.maxInputSpikes)}.` };
    if (out.spikeCount < p.minOutputSpikes) return { done: false, feedback: `${seen} — the output must still fire (at least ${plural(p.minOutputSpikes, 'spike')}), or the network sees nothing of the beats.` };
    return { done: true, feedback: `${seen}: few input spikes, and the beats still get through.` };
  },
});

/** The spike views' playback cursor sits on a layer's first spike. */
export const cursorOnFirstSpike = defineTask({
  summary: "the spike views' playback cursor is on the step of the first spike of `layer` (the output layer when absent), within toleranceSteps",
  params: z.strictObject({ layer: layerNameSchema.optional(), toleranceSteps: z.number().int().min(0).max(1000).default(0) }),
  example: { layer: 'lif1', toleranceSteps: 0 },
  check: (p, ctx) => {
    if (!ctx.run) return { done: false, feedback: NO_RUN };
    // A named layer may be the input; the default (the output) is never it.
    const layer = runLayer(ctx, p.layer === undefined ? ctx.run.layers.slice(1) : ctx.run.layers, p.layer);
    if (!layer) return { done: false, feedback: `The run has no layer '${p.layer ?? 'output'}'.` };
    if (layer.firstSpikeStep === null) return { done: false, feedback: `Layer '${layer.name}' did not spike in this run, so it has no first spike.` };
    if (ctx.playbackStep === null) return { done: false, feedback: 'The playback cursor is not placed yet: use the playback bar to step through the run.' };
    const d = layer.firstSpikeStep - ctx.playbackStep;
    const at = `The cursor is at step ${ctx.playbackStep} (${(ctx.playbackStep * ctx.run.dtMs).toFixed(1)} ms)`;
    if (Math.abs(d) <= p.toleranceSteps) return { done: true, feedback: `${at}: the first spike of '${layer.name}'.` };
    return { done: false, feedback: `${at} — the first spike of '${layer.name}' is ${plural(Math.abs(d), 'step')} ${d > 0 ? 'later' : 'earlier'}.` };
  },
});

/** A layer's neuron model in the workspace's network. */
export const layerNeuronModel = defineTask({
  summary: "a spiking layer of the workspace's network (`layer`, or any when absent) has the neuron model `model`",
  params: z.strictObject({ model: neuronKindSchema, layer: layerNameSchema.optional() }),
  example: { model: 'ssf', layer: 'lif1' },
  check: (p, ctx) => {
    const spiking = (ctx.workspace?.network.layers ?? []).flatMap((l) => (l.kind === 'spiking' ? [l] : []));
    const chosen = p.layer === undefined ? spiking : spiking.filter((l) => l.name === p.layer);
    if (chosen.length === 0) return { done: false, feedback: p.layer === undefined ? 'The network has no spiking layer.' : `The network has no spiking layer '${p.layer}'.` };
    const hit = chosen.find((l) => l.neuron.model === p.model);
    if (hit) return { done: true, feedback: `Layer '${hit.name}' runs ${modelLabel(p.model)} neurons.` };
    const now = chosen.map((l) => `'${l.name}' is ${modelLabel(l.neuron.model)}`).join(', ');
    return { done: false, feedback: `${now} — make ${p.layer === undefined ? 'a spiking layer' : `'${p.layer}'`} ${modelLabel(p.model)} (select it in the graph, then the inspector's neuron model).` };
  },
});
