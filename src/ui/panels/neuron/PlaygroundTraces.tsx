import { useMemo } from 'react';
import { neuronTeaching } from '../../../core/teach/neuronTeaching.ts';
import type { NeuronTrace, PlaygroundRun } from '../../../core/teach/playgroundRun.ts';
import type { NeuronSpec } from '../../../core/neurons/index.ts';
import { useStore } from '../../store/index.ts';
import type { PgTraceData } from './drawPgTrace.ts';
import { InputEditor } from './InputEditor.tsx';
import { PgTrace } from './PgTrace.tsx';
import { clampCursor } from './usePlaygroundRun.ts';

/** The threshold the trace draws for a neuron: fixed, the model's moving threshold, or none. */
function thresholdOf(spec: NeuronSpec, trace: NeuronTrace): number | Float32Array | null {
  const th = neuronTeaching(spec.model).threshold;
  if (th.kind === 'constant') return th.value(spec);
  if (th.kind === 'state') return trace.states[th.key] ?? null;
  return null;
}

/** The first neuron's membrane, the second's (pair view), and the input (drawn on with the mouse), one cursor through all. */
export function PlaygroundTraces({ run }: { run: PlaygroundRun }) {
  const setup = useStore((s) => s.playground);
  const cursor = clampCursor(useStore((s) => s.playgroundCursor), run.steps);
  const edit = useStore((s) => s.editPlayground);
  const teaching = neuronTeaching(setup.neuron.model);
  const first: PgTraceData = useMemo(() => ({ values: run.first.membrane, threshold: thresholdOf(setup.neuron, run.first), spikeSteps: run.first.spikeSteps, cursor }), [run, setup.neuron, cursor]);
  const second: PgTraceData | null = useMemo(
    () => (run.second && setup.pair ? { values: run.second.membrane, threshold: thresholdOf(setup.pair.neuron, run.second), spikeSteps: run.second.spikeSteps, cursor } : null),
    [run, setup.pair, cursor],
  );
  const input: PgTraceData = useMemo(() => ({ values: run.first.input, threshold: null, spikeSteps: [], cursor }), [run, cursor]);
  const reach = useMemo(() => [-2 * teaching.inputScale, 4 * teaching.inputScale], [teaching.inputScale]);
  const drawing = useMemo(() => ({ reach, onPoints: (points: number[]) => edit({ kind: 'input', input: { kind: 'drawn', points } }) }), [reach, edit]);
  const th = teaching.threshold;
  return (
    <div className="pg-traces">
      <PgTrace
        title={`Membrane ${th.kind === 'none' ? `(${th.why})` : `with ${th.label} dashed`}, spikes as ticks`}
        unit={teaching.membraneUnit}
        data={first}
        dtMs={run.dtMs}
        height={150}
        color="#0072B2"
        testId="pg-membrane"
        description={`Membrane of the ${teaching.kind} neuron over ${run.steps} steps with ${run.first.spikeCount} spikes`}
      />
      {second && setup.pair ? (
        <PgTrace
          title="Second neuron’s membrane"
          unit={neuronTeaching(setup.pair.neuron.model).membraneUnit}
          data={second}
          dtMs={run.dtMs}
          height={100}
          color="#CC79A7"
          testId="pg-second-membrane"
          description={`Membrane of the second neuron with ${run.second?.spikeCount ?? 0} spikes`}
        />
      ) : null}
      <InputEditor>
        <PgTrace
          title="Input current (drag to draw)"
          unit={teaching.inputUnit}
          data={input}
          dtMs={run.dtMs}
          height={90}
          color="#E69F00"
          testId="pg-input-canvas"
          description="Input current; drag with the mouse to draw it, or set it with the preset fields below"
          drawing={drawing}
        />
      </InputEditor>
    </div>
  );
}
