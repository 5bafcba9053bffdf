import { describe, expect, it } from 'vitest';
import type { StudyDefinition } from '../core/study/studyTypes.ts';
import { fixtureStudy } from '../../test/support/studyFixture.ts';
import { editDistillation, DISTILLATION_FIELDS } from './panels/study/distillationFields.ts';
import { createStore } from './store/index.ts';
import { backToStudy, openStudy, openStudyRow, resetRow, setRowDistillation, studentsOf } from './studyController.ts';

/** The fixture study with its ECG system made a student of the IF baseline (T 4, α 0.5). */
function distilledStudy(): StudyDefinition {
  const base = fixtureStudy();
  return {
    ...base,
    tasks: (ctx) =>
      base.tasks(ctx).map((t) =>
        t.id !== 'ecg'
          ? t
          : {
              ...t,
              systems: t.systems.map((s) => {
                if (s.system !== 'SSF, 4-bit weights' || !s.workspace.training) return s;
                return { ...s, teacher: 'IF over T steps', workspace: { ...s.workspace, training: { ...s.workspace.training, distillation: { temperature: 4, weight: 0.5 } } } };
              }),
            },
      ),
  };
}
const studies = { fixture: distilledStudy() };
const KEY = 'ecg/SSF, 4-bit weights';

describe('the distillation knobs of a study', () => {
  it('studentsOf lists only the systems with a teacher, with the workspace the next run uses', () => {
    const def = distilledStudy();
    const students = studentsOf(def, {});
    expect(students.map((s) => s.key)).toEqual([KEY]);
    expect(students[0]?.workspace.training?.distillation).toEqual({ temperature: 4, weight: 0.5 });
    expect(studentsOf(fixtureStudy(), {})).toEqual([]);
  });

  it('setRowDistillation keeps the edit as the row\'s changed workspace, and back at the definition\'s values the row is unchanged', () => {
    const store = createStore();
    openStudy(store, 'fixture', {}, studies);
    setRowDistillation(store, KEY, { temperature: 8, weight: 0.25 }, studies);
    const ws = store.getState().studyWorkspaces[KEY];
    expect(ws?.training?.distillation).toEqual({ temperature: 8, weight: 0.25 });
    // Only the distillation changed: the rest of the training is the definition's.
    expect({ ...ws?.training, distillation: undefined }).toEqual({ ...studentsOf(distilledStudy(), {})[0]?.workspace.training, distillation: undefined });
    expect(studentsOf(distilledStudy(), store.getState().studyWorkspaces)[0]?.workspace).toBe(ws);
    setRowDistillation(store, KEY, { temperature: 4, weight: 0.5 }, studies);
    expect(store.getState().studyWorkspaces).toEqual({});
  });

  it('setRowDistillation refuses a system without a teacher', () => {
    const store = createStore();
    openStudy(store, 'fixture', {}, studies);
    expect(() => setRowDistillation(store, 'ecg/IF over T steps', { temperature: 2, weight: 0.1 }, studies)).toThrow(/no system 'ecg\/IF over T steps' that learns from a teacher/);
  });

  it('an edit on an opened and changed row keeps the user\'s other change, and the open copy no longer overwrites it', async () => {
    const store = createStore();
    openStudy(store, 'fixture', {}, studies);
    await openStudyRow(store, KEY, studies);
    store.getState().edit('seed', (d) => void (d['seed'] = 99));
    backToStudy(store);
    setRowDistillation(store, KEY, { temperature: 2, weight: 0.9 }, studies);
    const ws = store.getState().studyWorkspaces[KEY];
    expect(ws?.seed).toBe(99);
    expect(ws?.training?.distillation).toEqual({ temperature: 2, weight: 0.9 });
    expect(store.getState().studyOpenedRow).toBeNull();
    resetRow(store, KEY);
    expect(store.getState().studyWorkspaces).toEqual({});
  });

  it('editDistillation holds the knobs to the training schema\'s ranges with a specific message', () => {
    const [temperature, weight] = DISTILLATION_FIELDS;
    if (!temperature || !weight) throw new Error('two knobs');
    const d = { temperature: 4, weight: 0.5 };
    expect(editDistillation(d, temperature, '10')).toEqual({ ok: true, value: { temperature: 10, weight: 0.5 } });
    expect(editDistillation(d, temperature, '0.5')).toEqual({ ok: false, error: 'temperature must be at least 1, not 0.5' });
    expect(editDistillation(d, weight, '1.5')).toEqual({ ok: false, error: 'mixing weight must be at most 1, not 1.5' });
    expect(editDistillation(d, weight, 'half')).toEqual({ ok: false, error: "mixing weight: 'half' is not a number" });
  });
});
