import { NumberField } from '../controls/NumberField.tsx';
import { useStore } from '../store/index.ts';
import { fitInputLayer } from './sourceChoice.ts';

/** A labelled select of string options. */
function Choice({ label, value, options, onChange, testId }: { label: string; value: string; options: readonly string[]; onChange: (v: string) => void; testId: string }) {
  return (
    <div className="field">
      <label>
        {label}
        <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      </label>
    </div>
  );
}

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
    case 'synthetic-eeg':
      return (
        <>
          <Choice label="class" value={data.eegClass} options={['rest', 'left', 'right', 'focus']} onChange={(v) => set('eegClass', v)} testId="eeg-class" />
          <NumberField label="epoch" unit="s" value={data.epochS} onCommit={(v) => set('epochS', v)} />
        </>
      );
    case 'synthetic-dvs':
      return (
        <>
          <Choice label="scene" value={data.scene} options={['bar-right', 'bar-left', 'bar-down', 'bar-up', 'disk-circle', 'square-zigzag']} onChange={(v) => set('scene', v)} testId="dvs-scene" />
          <NumberField label="noise" unit="events/pixel/s" value={data.noiseHz} onCommit={(v) => set('noiseHz', v)} />
          <NumberField label="duration" unit="ms" value={data.durationMs} step={1} onCommit={(v) => set('durationMs', v)} />
        </>
      );
    case 'synthetic-audio':
      return (
        <>
          <Choice label="digit" value={String(data.digit)} options={['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']} onChange={(v) => set('digit', Number(v))} testId="digit" />
          <NumberField label="mel bands" value={data.bands} step={1} onCommit={(v) => set('bands', v)} />
        </>
      );
    case 'synthetic-cue':
      return (
        <>
          <Choice label="pulsed channel" value={data.cue} options={['A', 'B']} onChange={(v) => set('cue', v)} testId="cue-class" />
          <NumberField label="delay" unit="steps" value={data.delay} step={1} onCommit={(v) => set('delay', v)} />
          <NumberField label="noise" unit="spike prob./step" value={data.noise} onCommit={(v) => set('noise', v)} />
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
          <Choice label="front end" value={data.frontEnd} options={['none', 'mel']} onChange={(v) => set('frontEnd', v)} testId="front-end" />
          {data.frontEnd === 'mel' ? <NumberField label="mel bands" value={data.bands} step={1} onCommit={(v) => set('bands', v)} /> : null}
        </>
      );
    }
    case 'image-file':
      return (
        <>
          <NumberField label="image" unit={`of the file`} value={data.index} step={1} onCommit={(v) => set('index', v)} testId="image-index" />
          <NumberField label="steps" value={data.steps} step={1} onCommit={(v) => set('steps', v)} />
        </>
      );
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
