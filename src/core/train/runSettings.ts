import { hashString } from '../rng.ts';
import type { RunSettings } from '../spec/runRecord.ts';
import type { Workspace } from '../spec/workspace.ts';

/** An 8-hex-digit fingerprint of a JSON value (key order as the schema gives it, so stable). */
function fingerprint(value: unknown): string {
  return hashString(JSON.stringify(value) ?? '').toString(16).padStart(8, '0');
}

/**
 * The settings of a training of `ws` (the workspace as sent to the worker, i.e. at the page's
 * size), on `engine`. Undefined when the workspace has no training section.
 */
export function runSettingsOf(ws: Workspace, engine: string): RunSettings | undefined {
  const t = ws.training;
  if (!t) return undefined;
  const learned = (['decay', 'threshold', 'adaptation'] as const).filter((k) => t.trainable[k]);
  return {
    epochs: t.epochs,
    batchSize: t.batchSize,
    learningRate: t.learningRate,
    lrDecay: t.lrDecay,
    optimizer: t.optimizer,
    loss: t.loss,
    rateRegularization: t.rateRegularization,
    ...(t.energyLoss && t.energyLoss.weight > 0 ? { energyLoss: t.energyLoss.weight } : {}),
    weightDecay: t.weightDecay,
    classWeighting: t.classWeighting,
    learned: learned.length > 0 ? learned.join('+') : 'none',
    ...(t.dataset.kind === 'ecg-beats' ? { beats: t.dataset.beats } : { perClass: t.dataset.perClass }),
    network: fingerprint(ws.network),
    input: fingerprint({ data: ws.data, encoder: ws.encoder, dataset: { ...t.dataset, beats: 0, perClass: 0 } }),
    engine,
  };
}

/** How one setting is named and compared; `changed` says it in words instead of quoting values (fingerprints). */
interface SettingField {
  readonly key: keyof RunSettings;
  readonly label: string;
  readonly changed?: string;
}

/**
 * The settings the runs table compares with the workspace's current ones, in the order it names
 * them. The engine is left out: where the next run trains is known only once it does.
 */
const SETTING_FIELDS: readonly SettingField[] = [
  { key: 'epochs', label: 'epochs' },
  { key: 'beats', label: 'beats' },
  { key: 'perClass', label: 'per class' },
  { key: 'learningRate', label: 'lr' },
  { key: 'lrDecay', label: 'lr decay' },
  { key: 'batchSize', label: 'batch' },
  { key: 'optimizer', label: 'optimizer' },
  { key: 'loss', label: 'loss' },
  { key: 'rateRegularization', label: 'spike penalty' },
  { key: 'energyLoss', label: 'energy loss' },
  { key: 'weightDecay', label: 'weight decay' },
  { key: 'classWeighting', label: 'class weights' },
  { key: 'learned', label: 'learned' },
  { key: 'network', label: 'network', changed: 'other network' },
  { key: 'input', label: 'input', changed: 'other data or encoder' },
];

const shown = (v: string | number | undefined): string => (v === undefined ? '–' : typeof v === 'number' ? String(Number(v.toPrecision(6))) : v);

/**
 * The settings of a run that differ from `now` (the current workspace's, at the page's size), as
 * "epochs 8 (now 4)"; an empty list when the run was trained as the workspace now reads.
 */
export function differingSettings(run: RunSettings, now: RunSettings | undefined): string[] {
  if (!now) return ['the workspace no longer trains'];
  const out: string[] = [];
  for (const f of SETTING_FIELDS) {
    const a = run[f.key];
    const b = now[f.key];
    if (a === b) continue;
    out.push(f.changed ?? `${f.label} ${shown(a)} (now ${shown(b)})`);
  }
  return out;
}

/** A key equal for runs trained with the same settings on the same engine (the seed aside). */
export function settingsKey(s: RunSettings): string {
  return JSON.stringify([...SETTING_FIELDS.map((f) => s[f.key] ?? null), s.engine]);
}
