import { waitInPage, type PageDriver } from './pageDriver.ts';

/**
 * What a user does, done through the DOM, for browsers driven without Playwright: React listens
 * to the native events, so a value set through the element's own setter and an input/change event
 * is what typing or picking produces. Each function is sent to the page as source text.
 */
export interface UserAction {
  readonly op: 'select' | 'fill' | 'click';
  /** A data-testid. */
  readonly id: string;
  readonly value?: string;
}

function actInPage(a: UserAction): boolean {
  const el = document.querySelector(`[data-testid="${a.id}"]`);
  if (!el) return false;
  if (a.op === 'click') {
    (el as HTMLElement).click();
    return true;
  }
  const proto = a.op === 'select' ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, a.value ?? '');
  el.dispatchEvent(new Event(a.op === 'select' ? 'change' : 'input', { bubbles: true }));
  if (a.op === 'fill') el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  return true;
}

/** Does one user action once its element exists (waits up to 60 s for it). */
export async function act(page: PageDriver, op: UserAction['op'], id: string, value?: string): Promise<void> {
  await waitInPage(page, `[data-testid="${id}"] to ${op}`, actInPage, value === undefined ? { op, id } : { op, id, value });
}

/** The text of a data-testid element, or null when it is absent. */
export function text(page: PageDriver, id: string): Promise<string | null> {
  return page.evaluate((i: string) => document.querySelector(`[data-testid="${i}"]`)?.textContent ?? null, id);
}

/** Waits until the run started before (its count `previous`, if any) is done, and returns its total spike count. */
export async function waitForRunIn(page: PageDriver, previous?: number): Promise<number> {
  const total = await waitInPage(
    page,
    'a finished run',
    (prev: number | null) => {
      const status = document.querySelector('[data-testid="run-status"]')?.textContent;
      const t = document.querySelector('[data-testid="total-spikes"]')?.textContent;
      return status === 'done' && t != null && (prev === null || Number(t) !== prev) ? t : '';
    },
    previous ?? null,
  );
  return Number(total);
}
