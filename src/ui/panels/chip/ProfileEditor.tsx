import { useMemo } from 'react';
import type { ChipProfile } from '../../../core/hardware/chipProfile.ts';
import { editChip, useBaseProfile, useChipTarget } from './chipState.ts';
import { ProfileRow } from './ProfileRow.tsx';
import { profileFields } from './profileFields.ts';

/** Sets (value) or removes (undefined) one override of the target chip. */
function setOverride(path: string, value: number | boolean | undefined): boolean {
  return editChip(value === undefined ? `reset ${path}` : `chip ${path}`, (c) => {
    const next = { ...c.overrides };
    if (value === undefined) delete next[path];
    else next[path] = value;
    c.overrides = next;
  });
}

/**
 * The target chip's profile as a table: every figure with its value, status (V / S / U / derived
 * / user) and source. Numbers are editable; an edit becomes `chip.overrides[path]` in the
 * workspace (undoable, and it re-maps), checked first against the profile's own rules.
 */
export function ProfileEditor() {
  const profile: ChipProfile | undefined = useBaseProfile();
  const target = useChipTarget();
  const rows = useMemo(() => (profile ? profileFields(profile, target.overrides) : []), [profile, target.overrides]);
  if (!profile) return <section className="panel">Loading the chip profiles…</section>;
  const edited = Object.keys(target.overrides).length;
  return (
    <section className="panel profile-editor" aria-label="Chip profile" data-testid="profile-editor">
      <h2>
        {profile.name} profile <span className="hint">{profile.vendor} · {profile.architecture} · {profile.timeBase} time base</span>
        {edited > 0 ? (
          <button type="button" className="reset-all" data-testid="reset-all-overrides" onClick={() => editChip('reset the chip profile', (c) => void (c.overrides = {}))}>
            reset {edited} edit{edited > 1 ? 's' : ''}
          </button>
        ) : null}
      </h2>
      <table className="profile-table">
        <colgroup>
          <col className="c-field" />
          <col className="c-value" />
          <col className="c-status" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th>field</th>
            <th>value</th>
            <th>status</th>
            <th>source</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <ProfileRow key={f.path} field={f} profile={profile} overrides={target.overrides} onSet={(v) => setOverride(f.path, v)} />
          ))}
        </tbody>
      </table>
      {profile.notes.length > 0 ? (
        <ul className="notes">
          {profile.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
