import type { LessonStep } from '../../core/teach/lessonTypes.ts';
import { loadPresetWorkspace } from '../boot.ts';
import type { useStore } from '../store/index.ts';
import { contentFingerprint } from '../workspaces/entryReuse.ts';
import { openPreset } from '../workspaces/workspaceLibrary.ts';
import { explainError } from '../../../workers/explainError.ts';

// The step whose preset is loading: a later step (Next pressed twice quickly) wins over an earlier one.
let presetToken = 0;

/**
 * Sets the page up for a step: the centre view it opens on, the playground it sets, the preset it
 * loads (by the preset menu's own path, so Undo brings back the workspace before), and a clean
 * list of recorded actions. What the step leaves out stays as the student had it. A preset whose
 * content is already shown is not loaded again, so going back keeps the student's weights; a reload
 * or a link that carries its own workspace (`options.preset` false) keeps the workspace shown.
 */
/** Outdates a preset still loading for a step, so it does not land after the lesson closed. */
export function cancelPresetLoad(): void {
  presetToken += 1;
}

export async function applyStep(store: typeof useStore, step: LessonStep, lessonTitle: string, options: { readonly preset: boolean } = { preset: true }): Promise<void> {
  // Every step (and an exit, cancelPresetLoad) outdates a preset still loading for an earlier step.
  const token = ++presetToken;
  const st = store.getState();
  st.clearLessonActions();
  if (step.view) st.setCenterView(step.view);
  if (step.playground) st.setPlayground(step.playground);
  if (!step.preset || !options.preset) return;
  try {
    const ws = await loadPresetWorkspace(step.preset);
    if (token !== presetToken) return;
    const shown = store.getState().workspace;
    if (shown && contentFingerprint(shown) === contentFingerprint(ws)) return;
    await openPreset(store, ws, `lesson ‘${lessonTitle}’: open preset ${ws.name}`);
  } catch (e) {
    const shown = explainError(e, `opening the preset '${step.preset}' of this step`);
    store.getState().setLessonNotice({ text: shown.message, problems: [] });
  }
}
