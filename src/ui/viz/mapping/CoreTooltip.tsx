import type { CoreUsage, MappingResult } from '../../../core/hardware/mappingTypes.ts';
import { formatCount } from '../../../core/format/engineering.ts';
import { bindingRatio } from './coreColours.ts';
import type { MeshLayout } from './meshLayout.ts';

const TIP_W = 250;
const TIP_H = 260;

/** The used amount behind a constraint's ratio, so its limit can be given as a number (limit = used / ratio). */
function usedFor(core: CoreUsage, constraint: string): number | undefined {
  switch (constraint) {
    case 'neurons':
      return core.neurons;
    case 'synapse_memory':
      return core.synapseBits;
    case 'input_axons':
      return core.inAxons;
    case 'output_axons':
      return core.outAxons;
    default:
      return undefined;
  }
}

const pct = (r: number) => `${(100 * r).toFixed(r < 0.1 ? 1 : 0)} %`;

/** Where a slot sits: chip, tile x/y and core in tile. */
function place(result: MappingResult, layout: MeshLayout, slot: number): string {
  const perChip = result.coresPerChip;
  const tile = Math.floor((slot % perChip) / layout.coresPerTile);
  const chip = result.chipsUsed > 1 ? `chip ${Math.floor(slot / perChip)} · ` : '';
  const inTile = layout.coresPerTile > 1 ? ` · core ${slot % layout.coresPerTile} of tile` : '';
  return `${chip}x ${tile % result.meshW}, y ${Math.floor(tile / result.meshW)}${inTile}`;
}

/** Hover details of one core, anchored beside it (flipped to stay inside the mesh box). */
export function CoreTooltip({ slot, core, result, layout, boxWidth, boxHeight }: { slot: number; core: CoreUsage | undefined; result: MappingResult; layout: MeshLayout; boxWidth: number; boxHeight: number }) {
  const x = layout.rects[4 * slot] ?? 0;
  const y = layout.rects[4 * slot + 1] ?? 0;
  const right = x + layout.coreSize + 8;
  const left = right + TIP_W > boxWidth ? Math.max(0, x - TIP_W - 8) : right;
  const top = Math.max(0, Math.min(y, boxHeight - TIP_H));
  const ratio = core ? bindingRatio(core) : 0;
  const used = core ? usedFor(core, core.binding) : undefined;
  return (
    <div className="core-tooltip" role="tooltip" data-testid="core-tooltip" style={{ left, top, width: TIP_W }}>
      <b>core {slot}</b> <span className="hint">{place(result, layout, slot)}</span>
      {!core ? (
        <div className="hint">unused</div>
      ) : (
        <table>
          <tbody>
            {core.layers.map((l) => (
              <tr key={l.layer}>
                <th>{l.layer}</th>
                <td>{formatCount(l.neurons)} neurons</td>
              </tr>
            ))}
            <tr><th>neurons</th><td data-testid="tooltip-neurons">{formatCount(core.neurons)}{core.splitters > 0 ? ` (${core.splitters} splitters)` : ''}</td></tr>
            <tr><th>synapses</th><td>{formatCount(core.synapses)} ({formatCount(core.synapseBits)} bits)</td></tr>
            <tr><th>max fan-in</th><td>{formatCount(core.maxFanIn)}</td></tr>
            <tr><th>axons in / out</th><td>{formatCount(core.inAxons)} / {formatCount(core.outAxons)}</td></tr>
            <tr className={ratio > 1 ? 'over' : undefined}>
              <th>binding</th>
              <td data-testid="tooltip-binding">
                {core.binding} {pct(ratio)}
                {used !== undefined && ratio > 0 ? ` (${formatCount(used)} of ${formatCount(used / ratio)})` : ''}
              </td>
            </tr>
            <tr><th>spikes</th><td>{formatCount(core.spikes)}</td></tr>
            <tr><th>packets in / out</th><td>{formatCount(core.packetsIn)} / {formatCount(core.packetsOut)}</td></tr>
            <tr><th>synaptic ops</th><td>{formatCount(core.synOps)}</td></tr>
            <tr>
              <th>all limits</th>
              <td className="hint">{Object.entries(core.utilisation).map(([k, v]) => `${k} ${pct(v)}`).join(', ')}</td>
            </tr>
          </tbody>
        </table>
      )}
      <div className="hint">per inference</div>
    </div>
  );
}
