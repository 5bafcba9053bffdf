import { chainOnlyReason, resolveGraph } from '../network/graph.ts';
import type { NetworkSpec } from '../spec/network.ts';

/**
 * The recurrent loops the BPTT kernel trains, read off a graph: a spiking population P and a dense
 * node R that reads P alone and feeds P alone, one of the two edges recurrent — snnTorch's RLeaky,
 * the common RSNN, written either way: R after P reading it forward and P reading R a step late
 * (test/support/graphCases.ts), or R before P reading it a step late and P reading R forward (the
 * editor's template). Both give P at step t the current W_R·s_P[t − 1] beside its other input,
 * which must be the node before it. `chain` is the network without the loops' dense nodes, which
 * must be a chain the kernel steps layer after layer; `loops` maps each recurrent population to its
 * loop's dense node (whose [units, units] weights become the layer's recurrent matrix). Any other
 * graph gives the reason it does not train here.
 */
export type KernelLoops = { readonly chain: NetworkSpec; readonly loops: ReadonlyMap<string, string> } | { readonly reason: string };

export function kernelLoops(spec: NetworkSpec): KernelLoops {
  const { graph } = resolveGraph(spec);
  const layers = spec.layers;
  // Population index → its loop's dense node index.
  const loopOf = new Map<number, number>();
  for (const e of graph.edges) {
    if (!e.recurrent) continue;
    const to = layers[e.to];
    const from = layers[e.from];
    if (!to || !from) continue;
    let pop: number;
    let dense: number;
    if (to.kind === 'spiking' && from.kind === 'dense') [pop, dense] = [e.to, e.from];
    else if (to.kind === 'dense' && from.kind === 'spiking') [pop, dense] = [e.from, e.to];
    else if (e.from === e.to) return { reason: `'${to.name}' reads its own output a step late without weights; the kernel trains a loop through a dense node` };
    else return { reason: `the loop from '${from.name}' into '${to.name}' is not a population's loop through a dense node` };
    const p = layers[pop];
    const r = layers[dense];
    if (!p || !r || r.kind !== 'dense') continue;
    const rIn = graph.inputsOf[dense] ?? [];
    const rOut = graph.consumersOf[dense] ?? [];
    if (rIn.length !== 1 || rIn[0]?.from !== pop) return { reason: `the loop's dense node '${r.name}' reads more than '${p.name}'` };
    if (rOut.length !== 1 || rOut[0]?.to !== pop) return { reason: `the loop's dense node '${r.name}' feeds more than '${p.name}'` };
    if (r.bias) return { reason: `'${r.name}' has a bias` };
    if (loopOf.has(pop)) return { reason: `'${p.name}' has more than one loop` };
    loopOf.set(pop, dense);
  }
  if (loopOf.size === 0) {
    const reason = chainOnlyReason(spec);
    return reason ? { reason } : { chain: spec, loops: new Map() };
  }
  const dropped = new Set(loopOf.values());
  const kept = layers.filter((_, i) => !dropped.has(i));
  const loops = new Map<string, string>();
  for (const [pop, dense] of loopOf) {
    const p = layers[pop];
    const at = kept.findIndex((l) => l === p);
    const before = kept[at - 1];
    // The population's other input: one forward edge, from the node before it once the loops are out.
    const others = (graph.inputsOf[pop] ?? []).filter((e) => e.from !== dense);
    if (!p || !before || others.length !== 1 || others[0]?.recurrent || layers[others[0]?.from ?? -1] !== before) return { reason: `'${p?.name ?? pop}' reads more than the node before it and its loop` };
    loops.set(p.name, layers[dense]?.name ?? '');
  }
  const chain: NetworkSpec = { ...spec, layers: kept.map((l, i) => (loops.has(l.name) ? { ...l, inputs: [kept[i - 1]?.name ?? ''] } : l)) };
  const reason = chainOnlyReason(chain);
  return reason ? { reason } : { chain, loops };
}
