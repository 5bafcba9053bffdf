import { existsSync } from 'node:fs';
import { FIREFOX_PATH, launchFirefox } from './firefoxBidi.ts';
import type { PageDriver } from './pageDriver.ts';
import { launchWebKit, WEBKIT_DRIVER_PATH, XVFB_PATH } from './webkitWebDriver.ts';

/** A browser the smoke set runs in besides Chromium (Playwright drives that one). */
export interface OtherBrowser {
  readonly name: string;
  /** The Debian packages that provide it, for the skip message and .ci/run. */
  readonly packages: string;
  /** Binaries it needs; when one is missing its tests skip, saying which. */
  readonly binaries: readonly string[];
  launch(): Promise<PageDriver>;
}

/** Firefox over WebDriver BiDi, WebKitGTK over W3C WebDriver under Xvfb: one table, one smoke set. */
export const OTHER_BROWSERS: readonly OtherBrowser[] = [
  { name: 'Firefox ESR', packages: 'firefox-esr', binaries: [FIREFOX_PATH], launch: launchFirefox },
  {
    name: 'WebKitGTK',
    packages: 'webkit2gtk-driver xvfb',
    binaries: [WEBKIT_DRIVER_PATH, XVFB_PATH],
    launch: launchWebKit,
  },
];

/** The binaries of `b` that are absent ([] when it can run). */
export const missingBinaries = (b: OtherBrowser): string[] => b.binaries.filter((p) => !existsSync(p));
