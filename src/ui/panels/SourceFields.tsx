import { NumberField } from '../controls/NumberField.tsx';
import { useStore } from '../store/index.ts';
import { fitInputLayer } from './DataPanel.tsx';

/** Parameters of the current data source: generator settings, or the window of a file. */
export function SourceFields() {
  const data = useStore((s) => s.workspace?.data);
  const files = useStore((s) => s.files);
  const edit = useStore((s) => s.edit);
  if (!data) return null;
  const set = (key: string, v: unknown) =>
    edit(`data.${key}`, (d) => {
      (d['data'] as Record<string, unknown>)[key] = v;
      fitInputLayer(d);
    });
  switch (data.kind) {
    case 'synthetic-ecg':
      return (
        <>
          <NumberField label="heart rate" unit="bpm" value={data.heartRateBpm} onCommit={(v) => set('heartRateBpm', v)} testId="heart-rate" />
          <NumberField label="duration" unit="s" value={data.durationS} onCommit={(v) => set('durationS', v)} />
          <NumberField label="HRV" unit="fraction of RR" value={data.hrvFraction} onCommit={(v) => set('hrvFraction', v)} />
          <NumberField label="noise" unit="mV" value={data.noiseMv} onCommit={(v) => set('noiseMv', v)} />
          <NumberField label="PVC share" unit="weight vs 1 normal" value={data.beatMix.V} onCommit={(v) => set('beatMix', { ...data.beatMix, V: v })} />
        </>
      );
    case 'signal-file': {
      const channels = files.find((f) => f.checksum === data.checksum)?.channels ?? [];
      return (
        <>
          {channels.length === 0 ? <div className="field-error">{data.file} is not loaded: drop it to run this workspace.</div> : null}
          <div className="field">
            <label>
              channel
              <select data-testid="channel-select" value={data.channel} onChange={(e) => set('channel', Number(e.target.value))}>
                {channels.map((c, i) => (
                  <option key={`${c}${i}`} value={i}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <NumberField label="start" unit="s" value={data.startS} onCommit={(v) => set('startS', v)} />
          <NumberField label="duration" unit="s" value={data.durationS} onCommit={(v) => set('durationS', v)} />
        </>
      );
    }
    case 'event-file':
      return (
        <>
          <NumberField label="start" unit="µs" value={data.startUs} onCommit={(v) => set('startUs', v)} />
          <NumberField label="duration" unit="µs" value={data.durationUs} onCommit={(v) => set('durationUs', v)} />
          <NumberField label="time step" unit="µs" value={data.stepUs} onCommit={(v) => set('stepUs', v)} />
          <NumberField label="downsample" unit="×" value={data.downsample} step={1} onCommit={(v) => set('downsample', v)} />
        </>
      );
  }
}
