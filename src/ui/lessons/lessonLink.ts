/** A lesson link's parameters: `#lesson=<id>&step=<n>` (n from 1), `&present=1` for presenter mode. */
export interface LessonLink {
  readonly id: string;
  /** 1-based, as in the link; 1 when the link names no step. */
  readonly step: number;
  readonly present: boolean;
  /** The step parameter as written when it is not a whole number ≥ 1 (the notice quotes it). */
  readonly badStep: string | null;
}

const LESSON_PARAMS = ['lesson', 'step', 'present'];

/** The `&`-separated parameters of a URL's fragment (or of a bare fragment). */
function fragmentParams(text: string): URLSearchParams {
  const hash = text.indexOf('#');
  return new URLSearchParams(hash >= 0 ? text.slice(hash + 1) : text);
}

/** Reads the lesson part of a URL or fragment; null when it names no lesson. */
export function readLessonLink(text: string): LessonLink | null {
  const params = fragmentParams(text);
  const id = params.get('lesson');
  if (id === null) return null;
  const stepText = params.get('step');
  const step = stepText === null ? 1 : Number(stepText);
  const ok = Number.isInteger(step) && step >= 1;
  return { id: id.slice(0, 200), step: ok ? step : 1, present: params.get('present') === '1', badStep: ok ? null : (stepText ?? '').slice(0, 40) };
}

/** The fragment without its lesson parameters (other links' parameters, `w=` for one, are left as they were). */
export function withoutLessonParams(hash: string): string {
  const rest = (hash.startsWith('#') ? hash.slice(1) : hash).split('&').filter((p) => p !== '' && !LESSON_PARAMS.includes(p.split('=')[0] ?? ''));
  return rest.length > 0 ? `#${rest.join('&')}` : '';
}

/** The link that opens a lesson at a step (1-based) for whoever follows it, on this page's address. */
export function lessonLinkUrl(pageUrl: string, id: string, step: number, present = false): string {
  const base = pageUrl.includes('#') ? pageUrl.slice(0, pageUrl.indexOf('#')) : pageUrl;
  return `${base}#lesson=${encodeURIComponent(id)}&step=${step}${present ? '&present=1' : ''}`;
}
