import { AnnComparisonChart } from './AnnComparisonChart.tsx';
import { AnnealCurve } from './AnnealCurve.tsx';
import { ChipMeshPanel } from './ChipMeshPanel.tsx';
import { ChipSettings } from './ChipSettings.tsx';
import { CostCharts } from './CostCharts.tsx';
import { HeadSettings } from './HeadSettings.tsx';
import { MappingTotals } from './MappingTotals.tsx';
import { PipelineStrip } from './PipelineStrip.tsx';
import { ProfileEditor } from './ProfileEditor.tsx';
import { ViolationsList } from './ViolationsList.tsx';

/**
 * The chip tab: the mesh with its traffic on the left, the violations and the profile editor
 * under it, and a side column with the chip settings, totals and the cost charts.
 */
export function ChipView() {
  return (
    <div className="chip-view" role="tabpanel" id="panel-chip" aria-labelledby="tab-chip">
      <ChipMeshPanel />
      <div className="chip-lower">
        <ViolationsList />
        <ProfileEditor />
      </div>
      <aside className="chip-side" aria-label="Mapping">
        <ChipSettings />
        <HeadSettings />
        <PipelineStrip />
        <MappingTotals />
        <CostCharts />
        <AnnComparisonChart />
        <AnnealCurve />
      </aside>
    </div>
  );
}
