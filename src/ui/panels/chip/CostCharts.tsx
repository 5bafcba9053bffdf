import { useRef } from 'react';
import { costsCsv } from '../../viz/export/chipTables.ts';
import { PanelExport } from '../../viz/export/PanelExport.tsx';
import { formatEngineering } from '../../../core/format/engineering.ts';
import { neuEdgeNote } from '../../../core/hardware/energyOperations.ts';
import { BarChart } from './BarChart.tsx';
import { useMappingResult } from './chipState.ts';

const joules = (v: number) => formatEngineering(v, 'J');
const seconds = (v: number) => formatEngineering(v, 's');

/** Energy and latency of one inference by cause, with the totals and the efficiency figure. */
export function CostCharts() {
  const r = useMappingResult();
  const panel = useRef<HTMLElement>(null);
  if (!r) return null;
  const e = r.energy;
  const l = r.latency;
  const energy = [
    { label: 'synaptic ops', value: e.synOpsJ },
    { label: 'neurons active', value: e.neuronActiveJ },
    { label: 'neurons idle', value: e.neuronIdleJ },
    { label: 'routing', value: e.routingJ },
    { label: 'chip links', value: e.chipLinksJ },
    { label: 'weight reads', value: e.weightReadsJ },
    { label: 'static', value: e.staticJ, colour: '#999' },
    { label: 'dynamic power', value: e.dynamicJ },
  ].filter((b) => b.value > 0);
  const latency = [
    { label: 'compute', value: l.computeS },
    { label: 'barrier', value: l.barrierS },
    { label: 'pipeline', value: l.pipelineS },
    { label: 'host I/O', value: l.ioS, colour: '#999' },
  ].filter((b) => b.value > 0);
  return (
    <section className="panel has-export" aria-label="Energy and latency" ref={panel}>
      <PanelExport plot="chip-costs" panel={panel} title="Energy and latency per inference, by cause" engine="chip" csv={() => costsCsv(r)} />
      <h2>
        Energy per inference <b data-testid="energy-per-inference" data-lesson-control="chip-energy">{joules(r.energyPerInferenceJ)}</b>
      </h2>
      {energy.length > 0 ? <BarChart bars={energy} format={joules} testId="energy-chart" label="energy per inference by cause" /> : <p className="hint">no energy terms</p>}
      <h2>
        Latency <b data-testid="latency">{seconds(r.latencyS)}</b>
      </h2>
      {latency.length > 0 ? <BarChart bars={latency} format={seconds} testId="latency-chart" label="latency per inference by cause" /> : null}
      <p className="hint">
        step {seconds(l.stepS)}, bound by {l.boundBy} (busiest core {l.busiestCore})
      </p>
      <p>
        <b data-testid="gops-per-w">{r.efficiency.gopsPerW.toPrecision(3)}</b> GOp/s/W ({r.efficiency.pJPerOp.toPrecision(3)} pJ/op)
        <br />
        <span className="hint">op = {r.efficiency.opDefinition}</span>
        <br />
        <span className="hint" data-testid="neuedge-note">{neuEdgeNote()}</span>
      </p>
    </section>
  );
}
