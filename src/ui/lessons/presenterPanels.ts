/** Every panel presenter mode can show or hide (App's regions carry `data-lesson-panel`; LESSON_PANELS in core lists the same names). */
const PANEL_NAME = /^[a-z]+$/;
/** The panels of App's centre column (the others sit in the side columns). */
const CENTRE_PANELS: readonly string[] = ['graph', 'spikes', 'neuron', 'chip'];

/**
 * The stylesheet of presenter mode for a step's panels (null: the step lists none, so all show):
 * every `[data-lesson-panel]` not listed is hidden (the lesson panel always shows), and a column
 * left with nothing to show folds away. Names are checked to be plain words before they go into
 * a selector (the validator checks them against LESSON_PANELS first).
 */
export function presenterCss(panels: readonly string[] | null): string {
  if (!panels) return '';
  const shown = [...new Set(['lesson', ...panels.filter((p) => PANEL_NAME.test(p))])];
  const visible = shown.map((p) => `[data-lesson-panel="${p}"]`).join(', ');
  const rules = [
    `.app[data-presenting] [data-lesson-panel]:not(${visible}) { display: none !important; }`,
    `.app[data-presenting] .workbench > :is(.left, .right, .center):not(:has(${visible})) { display: none !important; }`,
  ];
  // No centre panel: the lesson's column takes the room the centre leaves.
  if (!shown.some((p) => CENTRE_PANELS.includes(p))) rules.push('.app[data-presenting] .workbench > .left { flex: 1 1 auto !important; }');
  return rules.join('\n');
}
