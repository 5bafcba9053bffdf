import { shouldYield, yieldToEventLoop } from '../engine/yieldControl.ts';
import { throwIfAborted, type AbortSignalLike } from '../errors.ts';
import type { Rng } from '../rng.ts';
import { forEachLink, HOST_SLOT, serpentineSlots, type MeshGeometry } from './meshGeometry.ts';
import type { ChipProfile } from './chipProfile.ts';

/** Packets between clusters; `from`/`to` = cluster ids, or `host` for the host. */
export interface ClusterEdges {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly packets: Float64Array;
  readonly host: number;
}

/** Bounds and hooks of one annealing run. */
export interface AnnealRun {
  readonly maxMoves?: number;
  /** Links routed over (each move re-routes the edges it touches): bounds the work on dense graphs. */
  readonly maxLinkVisits?: number;
  readonly signal?: AbortSignalLike;
  readonly onProgress?: (fraction: number) => void;
}

/** Where each cluster sits, what the route loads are, and how the annealer got there. */
export interface Placement {
  readonly slotOf: Int32Array;
  readonly costInitial: number;
  readonly costFinal: number;
  readonly trafficHopsInitial: number;
  readonly trafficHopsFinal: number;
  readonly maxLinkLoadInitial: number;
  readonly maxLinkLoadFinal: number;
  /** Objective after each temperature step; [0] = the serpentine start. */
  readonly curve: number[];
  readonly moves: number;
}

/** Link loads of a placement: Σ packets·hops and the busiest link. */
function routeLoads(g: MeshGeometry, e: ClusterEdges, slotOf: Int32Array): { load: Float64Array; hops: number; max: number } {
  const load = new Float64Array(g.gridW * g.gridH * 4);
  let hops = 0;
  const slot = (c: number) => (c === e.host ? HOST_SLOT : (slotOf[c] as number));
  for (let i = 0; i < e.from.length; i++) {
    const p = e.packets[i] as number;
    forEachLink(g, slot(e.from[i] as number), slot(e.to[i] as number), (l) => {
      load[l]! += p;
      hops += p;
    });
  }
  let max = 0;
  for (const v of load) if (v > max) max = v;
  return { load, hops, max };
}

/**
 * Places clusters on cores by simulated annealing of a quadratic assignment: the objective is
 * Σ over links of load + congestion · load² / L0 (L0 = mean load of the start), i.e. packets ×
 * hops plus a penalty that spreads traffic off the busiest links under X–Y routing. Moves swap a
 * cluster with another core (occupied or empty), nearby more often as the temperature falls.
 * Starts from the serpentine walk in layer order, keeps the best placement seen, so it never
 * returns one worse than its start; same seed, same result.
 */
export async function placeClusters(chip: ChipProfile, g: MeshGeometry, clusters: number, e: ClusterEdges, rng: Rng, congestion: number, run: AnnealRun = {}): Promise<Placement> {
  const budget = run.maxMoves ?? 400_000;
  const linkBudget = run.maxLinkVisits ?? 40_000_000;
  const order = serpentineSlots(chip, g.chips);
  const slotOf = new Int32Array(clusters);
  const occ = new Int32Array(g.slots).fill(-1);
  for (let c = 0; c < clusters; c++) {
    slotOf[c] = order[c] as number;
    occ[order[c] as number] = c;
  }
  const start = routeLoads(g, e, slotOf);
  let used = 0;
  for (const v of start.load) if (v > 0) used += 1;
  const L0 = used > 0 ? Math.max(1e-9, start.hops / used) : 1;
  const load = start.load;
  const linkCost = (v: number) => v + (congestion * v * v) / L0;
  let cost = 0;
  for (const v of load) cost += linkCost(v);
  const costInitial = cost;

  // Edges touching each cluster (host edges belong to their on-chip end only).
  const adjStart = new Uint32Array(clusters + 1);
  for (let i = 0; i < e.from.length; i++) {
    for (const c of [e.from[i] as number, e.to[i] as number]) if (c !== e.host) adjStart[c + 1]! += 1;
  }
  for (let c = 0; c < clusters; c++) adjStart[c + 1]! += adjStart[c] as number;
  const adj = new Uint32Array(adjStart[clusters] as number);
  const fill = adjStart.slice(0, clusters);
  for (let i = 0; i < e.from.length; i++) {
    const f = e.from[i] as number;
    const t = e.to[i] as number;
    if (f !== e.host) adj[fill[f]!++] = i;
    if (t !== e.host && t !== f) adj[fill[t]!++] = i;
  }
  const slot = (c: number) => (c === e.host ? HOST_SLOT : (slotOf[c] as number));
  const stamp = new Int32Array(e.from.length).fill(-1);
  const touched: number[] = [];
  let delta = 0;
  let linkVisits = 0;
  const route = (i: number, sign: number) => {
    const p = sign * (e.packets[i] as number);
    forEachLink(g, slot(e.from[i] as number), slot(e.to[i] as number), (l) => {
      linkVisits++;
      const before = load[l] as number;
      const after = before + p;
      load[l] = after;
      delta += linkCost(after) - linkCost(before);
    });
  };
  let moveId = 0;
  /** Swaps cluster u with whatever is on slot s; returns the change of the objective. */
  const swap = (u: number, s: number): number => {
    moveId += 1;
    touched.length = 0;
    const v = occ[s] as number;
    for (const c of v >= 0 ? [u, v] : [u]) {
      for (let k = adjStart[c] as number; k < (adjStart[c + 1] as number); k++) {
        const i = adj[k] as number;
        if (stamp[i] !== moveId) {
          stamp[i] = moveId;
          touched.push(i);
        }
      }
    }
    delta = 0;
    for (const i of touched) route(i, -1);
    const su = slotOf[u] as number;
    slotOf[u] = s;
    occ[s] = u;
    occ[su] = v;
    if (v >= 0) slotOf[v] = su;
    for (const i of touched) route(i, +1);
    return delta;
  };

  const curve = [cost];
  let best = cost;
  let bestSlots = Int32Array.from(slotOf);
  let moves = 0;
  if (clusters > 0 && g.slots > 1 && e.from.length > 0) {
    const pick = (radius: number, u: number): number => {
      if (radius >= Math.max(g.gridW, g.gridH) || rng.next() < 0.2) return rng.int(g.slots);
      // A core within `radius` tiles of u's tile (any core of that tile).
      const su = slotOf[u] as number;
      const tx = Math.min(g.gridW - 1, Math.max(0, (g.X[su] as number) + rng.int(2 * radius + 1) - radius));
      const ty = Math.min(g.gridH - 1, Math.max(0, (g.Y[su] as number) + rng.int(2 * radius + 1) - radius));
      const s = slotAt(g, tx, ty, chip.coresPerTile, rng.int(chip.coresPerTile));
      return s >= 0 ? s : rng.int(g.slots);
    };
    // Starting temperature: accept an average uphill move with probability 1/2.
    let up = 0;
    let ups = 0;
    for (let k = 0; k < 100; k++) {
      const u = rng.int(clusters);
      const back = slotOf[u] as number;
      const d = swap(u, rng.int(g.slots));
      if (d > 0) {
        up += d;
        ups += 1;
      }
      swap(u, back);
    }
    let T = ups > 0 ? up / ups / Math.LN2 : 1;
    const Tmin = T * 1e-3;
    const perT = Math.max(100, Math.min(20 * clusters, Math.floor(budget / 90)));
    let radius = Math.max(g.gridW, g.gridH);
    const steps = Math.ceil(Math.log(Tmin / T) / Math.log(0.93));
    let since = Date.now();
    // Work is bounded by moves and by link visits (a move costs the routes of its edges), both
    // counted, never timed, so the same seed gives the same placement on any machine.
    while (T > Tmin && moves < budget && linkVisits < linkBudget) {
      if (shouldYield(since)) {
        run.onProgress?.(Math.min(1, Math.max(curve.length / steps, linkVisits / linkBudget, moves / budget)));
        await yieldToEventLoop();
        throwIfAborted(run.signal, 'placement');
        since = Date.now();
      }
      let accepted = 0;
      for (let k = 0; k < perT; k++, moves++) {
        const u = rng.int(clusters);
        const s = pick(radius, u);
        if (s === slotOf[u]) continue;
        const back = slotOf[u] as number;
        const d = swap(u, s);
        if (d <= 0 || rng.next() < Math.exp(-d / T)) {
          cost += d;
          accepted += 1;
        } else swap(u, back);
      }
      if (cost < best - 1e-9) {
        best = cost;
        bestSlots = Int32Array.from(slotOf);
      }
      curve.push(cost);
      if (accepted === 0) break;
      T *= 0.93;
      radius = Math.max(1, Math.ceil(radius * 0.93));
    }
  }
  const initial = { hops: start.hops, max: start.max };
  let final = routeLoads(g, e, bestSlots);
  let costFinal = 0;
  for (const v of final.load) costFinal += linkCost(v);
  // Rounding drift of the incremental sums could leave the recomputed best a hair above the start.
  if (costFinal > costInitial) {
    bestSlots = Int32Array.from({ length: clusters }, (_, c) => order[c] as number);
    final = routeLoads(g, e, bestSlots);
    costFinal = costInitial;
  }
  return {
    slotOf: bestSlots,
    costInitial,
    costFinal,
    trafficHopsInitial: initial.hops,
    trafficHopsFinal: final.hops,
    maxLinkLoadInitial: initial.max,
    maxLinkLoadFinal: final.max,
    curve,
    moves,
  };
}

/** Slot of core `k` of the tile at global (x, y), or -1 when that tile has no chip. */
function slotAt(g: MeshGeometry, x: number, y: number, coresPerTile: number, k: number): number {
  const cx = Math.floor(x / g.meshW);
  const cy = Math.floor(y / g.meshH);
  const c = cy * g.chipsW + cx;
  if (c >= g.chips) return -1;
  const tile = (y % g.meshH) * g.meshW + (x % g.meshW);
  return c * g.meshW * g.meshH * coresPerTile + tile * coresPerTile + k;
}
