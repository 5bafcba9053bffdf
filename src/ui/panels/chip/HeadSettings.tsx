import { ANN_DEVICES } from '../../../core/hardware/annDevices.ts';
import { HEAD_TARGET_DEFAULT, type HeadTarget } from '../../../core/hardware/chipTarget.ts';
import { NumberField } from '../../controls/NumberField.tsx';
import { useFieldError } from '../../controls/useFieldError.ts';
import { useStore } from '../../store/index.ts';
import { editChip, useChipTarget } from './chipState.ts';

/** Devices the head can run on: those with a MAC rate (an arithmetic floor has no latency). */
const HEAD_DEVICES = ANN_DEVICES.filter((d) => d.macsPerS !== null);

/** A mutable copy of the head target inside an edit recipe. */
type HeadDraft = { device: string; link: { bandwidthBitsPerS: number; latencyS: number; energyPerBitJ: number }; bitsPerCount: number };

/** Edits the chip target's head (filled with the defaults first), as one undoable workspace edit. */
function editHead(label: string, recipe: (h: HeadDraft) => void): boolean {
  return editChip(label, (c) => {
    const h = (c['head'] as HeadDraft | undefined) ?? { device: HEAD_TARGET_DEFAULT.device, link: { ...HEAD_TARGET_DEFAULT.link }, bitsPerCount: HEAD_TARGET_DEFAULT.bitsPerCount };
    recipe(h);
    c['head'] = h;
  });
}

/** A number scaled for display (Mbit/s, ms, nJ) and back on commit; an empty field keeps the value. */
function scaled(label: string, path: string, value: number, scale: number, unit: string, set: (h: HeadDraft, v: number) => void, testId: string, error: string | undefined, title: string) {
  return (
    <NumberField
      label={label}
      unit={unit}
      value={value / scale}
      title={title}
      testId={testId}
      error={error}
      onCommit={(v) => (v === undefined ? false : editHead(path, (h) => set(h, v * scale)))}
    />
  );
}

/**
 * Where the ANN head after the accumulators runs and the link its counts cross: shown when the
 * network has an accumulator. Each field is a typed edit of the chip target's `head`.
 */
export function HeadSettings() {
  const hasHead = useStore((s) => s.workspace?.network.layers.some((l) => l.kind === 'accumulator') ?? false);
  const target = useChipTarget();
  const head: HeadTarget = target.head ?? HEAD_TARGET_DEFAULT;
  const errors = {
    bandwidth: useFieldError('chip.head.link.bandwidthBitsPerS'),
    latency: useFieldError('chip.head.link.latencyS'),
    energy: useFieldError('chip.head.link.energyPerBitJ'),
    bits: useFieldError('chip.head.bitsPerCount'),
  };
  if (!hasHead) return null;
  return (
    <section className="panel" aria-label="ANN head settings">
      <h2>ANN head and link</h2>
      <div className="field">
        <label>
          head device
          <select data-testid="head-device" value={head.device} onChange={(e) => editHead(`head device ${e.target.value}`, (h) => void (h.device = e.target.value))}>
            {HEAD_DEVICES.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {scaled('link bandwidth', 'link bandwidth', head.link.bandwidthBitsPerS, 1e6, 'Mbit/s', (h, v) => void (h.link.bandwidthBitsPerS = v), 'head-bandwidth', errors.bandwidth, 'payload rate of the host link from the chip to the head’s device')}
      {scaled('link latency', 'link latency', head.link.latencyS, 1e-3, 'ms', (h, v) => void (h.link.latencyS = v), 'head-latency', errors.latency, 'time every transfer costs besides its bits')}
      {scaled('energy per bit', 'link energy per bit', head.link.energyPerBitJ, 1e-9, 'nJ', (h, v) => void (h.link.energyPerBitJ = v), 'head-energy-per-bit', errors.energy, 'the sender’s energy per bit sent')}
      <NumberField
        label="bits per count"
        value={head.bitsPerCount}
        step={1}
        title="bits each spike count is sent as (1 … 32)"
        testId="head-bits-per-count"
        error={errors.bits}
        onCommit={(v) => (v === undefined ? false : editHead('bits per count', (h) => void (h.bitsPerCount = v)))}
      />
    </section>
  );
}
