import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { StudyResult } from '../../src/core/study/studyTypes.ts';
import { startE2e, waitForRun, type E2eEnv } from './harness.ts';

/** Starts the e2e server and browser before the file's tests and closes them after; call at top level. */
export function e2eForFile(): () => E2eEnv {
  let env: E2eEnv | undefined;
  beforeAll(async () => {
    env = await startE2e();
  });
  afterAll(async () => {
    await env?.close();
  });
  return () => {
    if (!env) throw new Error('the e2e environment has not started');
    return env;
  };
}

/** The StudyResult the training worker returned to the page (testHooks.studyResult). */
export const studyWorkerResult = (page: Page): Promise<StudyResult | null> => page.evaluate(() => (window as unknown as { __spikelab: { studyResult(): StudyResult | null } }).__spikelab.studyResult());

/** A fresh page on the app (test hooks on) after its first run, and the errors it throws. */
export async function freshPage(env: E2eEnv, width: number, height: number): Promise<{ readonly page: Page; readonly errors: string[] }> {
  const page = await env.browser.newPage({ viewport: { width, height } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.url}?test`);
  await waitForRun(page);
  return { page, errors };
}
