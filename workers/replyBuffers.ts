import type { RunReply } from './api.ts';

/** Buffers of a reply, handed over (transferred) instead of copied. */
export function replyBuffers(reply: RunReply): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const l of reply.result.layers) for (const s of l.spikes) out.add(s.times.buffer as ArrayBuffer).add(s.ids.buffer as ArrayBuffer);
  for (const m of reply.result.membranes) out.add(m.values.buffer as ArrayBuffer);
  for (const r of reply.result.readouts) out.add(r.values.buffer as ArrayBuffer);
  const trace = reply.readout.readout;
  if (trace.kind === 'trace') for (const a of [trace.values, trace.final, trace.scores]) out.add(a.buffer as ArrayBuffer);
  const src = reply.source;
  if (src.kind === 'signal') {
    out.add(src.signal.values.buffer as ArrayBuffer);
    if (src.waveform) out.add(src.waveform.values.buffer as ArrayBuffer);
  }
  else if (src.kind === 'events') for (const a of [src.events.x, src.events.y, src.events.p, src.events.t]) out.add(a.buffer as ArrayBuffer);
  else if (src.kind === 'sample') out.add(src.values.buffer as ArrayBuffer);
  else if (src.kind === 'beats') out.add(src.signal.values.buffer as ArrayBuffer).add(src.vectors.buffer as ArrayBuffer);
  else out.add(src.pixels.buffer as ArrayBuffer);
  return [...out];
}
