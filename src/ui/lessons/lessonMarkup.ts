/** A run of a paragraph: plain text, `**bold**`, or `` `code` ``. */
export interface TextRun {
  readonly kind: 'text' | 'bold' | 'code';
  readonly text: string;
}

/**
 * A step's text as paragraphs of runs (the format's whole markup: paragraphs split by a blank
 * line, `**bold**`, `` `code` ``). Rendered as React text nodes, never as HTML, so a lesson file
 * cannot put markup or script into the page. A marker without its closing pair stays as written.
 */
export function parseLessonText(text: string): TextRun[][] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '')
    .map(parseRuns);
}

function parseRuns(paragraph: string): TextRun[] {
  const runs: TextRun[] = [];
  // Code first: `**` inside backticks is code, not bold.
  const pattern = /`([^`]+)`|\*\*(.+?)\*\*/g;
  let at = 0;
  for (const m of paragraph.matchAll(pattern)) {
    if (m.index > at) runs.push({ kind: 'text', text: paragraph.slice(at, m.index) });
    runs.push(m[1] !== undefined ? { kind: 'code', text: m[1] } : { kind: 'bold', text: m[2] ?? '' });
    at = m.index + m[0].length;
  }
  if (at < paragraph.length) runs.push({ kind: 'text', text: paragraph.slice(at) });
  return runs;
}
