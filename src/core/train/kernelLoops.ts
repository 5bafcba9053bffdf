import { chainOnlyReason, resolveGraph } from '../network/graph.ts';
import type { NetworkSpec } from '../spec/network.ts';

/**
 * The recurrent loops the BPTT kernel trains, read off a graph: a spiking population that reads the
 * node before it, then (a step late) a dense node that reads that population alone and feeds
 * nothing else — snnTorch's RLeaky, the common RSNN. `chain` is the network without those dense
 * nodes, which must be a chain the kernel steps layer after layer; `loops` maps each recurrent
 * population to its loop's dense node (whose [units, units] weights become the layer's recurrent
 * matrix). Any other graph gives the reason it does not train here.
 */
export type KernelLoops = { readonly chain: NetworkSpec; readonly loops: ReadonlyMap<string, string> } | { readonly reason: string };

export function kernelLoops(spec: NetworkSpec): KernelLoops {
  const { graph } = resolveGraph(spec);
  const loops = new Map<string, string>();
  const dropped = new Set<number>();
  for (const e of graph.edges) {
    if (!e.recurrent) continue;
    const pop = spec.layers[e.to];
    const src = spec.layers[e.from];
    if (!pop || !src) continue;
    if (pop.kind !== 'spiking') return { reason: `the loop into '${pop.name}' ends at ${/^[aeiou]/.test(pop.kind) ? 'an' : 'a'} ${pop.kind} node; the kernel trains loops into a spiking population` };
    if (src.kind !== 'dense')
      return { reason: e.from === e.to ? `'${pop.name}' reads its own spikes a step late without weights; the kernel trains a loop through a dense node` : `the loop into '${pop.name}' comes from '${src.name}', not from a dense node` };
    const srcIns = graph.inputsOf[e.from] ?? [];
    if (srcIns.length !== 1 || srcIns[0]?.from !== e.to || srcIns[0].recurrent) return { reason: `the loop's dense node '${src.name}' does not read '${pop.name}' alone` };
    if ((graph.consumersOf[e.from] ?? []).length !== 1) return { reason: `the loop's dense node '${src.name}' feeds more than '${pop.name}'` };
    const ins = graph.inputsOf[e.to] ?? [];
    if (ins.length !== 2 || ins[0]?.recurrent || ins[0]?.from !== e.to - 1 || ins[1] !== e) return { reason: `'${pop.name}' reads more than the node before it and its loop` };
    if (src.bias) return { reason: `'${src.name}' has a bias` };
    loops.set(pop.name, src.name);
    dropped.add(e.from);
  }
  if (loops.size === 0) {
    const reason = chainOnlyReason(spec);
    return reason ? { reason } : { chain: spec, loops };
  }
  const kept = spec.layers.filter((_, i) => !dropped.has(i));
  const chain: NetworkSpec = { ...spec, layers: kept.map((l, i) => (loops.has(l.name) ? { ...l, inputs: [kept[i - 1]?.name ?? ''] } : l)) };
  const reason = chainOnlyReason(chain);
  return reason ? { reason } : { chain, loops };
}
