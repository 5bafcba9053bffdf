// Makes sure the browsers of the cross-browser smoke set exist (test/e2e/otherBrowsers.e2e.ts):
// Firefox ESR, and WebKitGTK's WebDriver with Xvfb to draw into. As root, Debian's packages are
// installed when missing, as ensureChromium.mjs does for Chromium; otherwise the missing ones are
// named and their tests skip (they say so).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian package → the binary the tests look for (env overrides as in test/support/browsers). */
const PACKAGES = [
  ['firefox-esr', process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'],
  ['webkit2gtk-driver', process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver'],
  ['xvfb', '/usr/bin/Xvfb'],
];

/** Returns the packages still missing after installing what it could ([] when all are there). */
export function ensureOtherBrowsers() {
  const missing = () => PACKAGES.filter(([, bin]) => !existsSync(bin)).map(([pkg]) => pkg);
  const before = missing();
  if (before.length > 0 && process.getuid?.() === 0) {
    console.log(`Installing Debian's ${before.join(' ')} for the Firefox and WebKit smoke tests (apt-get install -y)…`);
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', ...before], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch (e) {
      console.error(`apt-get failed (${e.message}): the smoke tests of the missing browsers will skip`);
    }
  }
  const after = missing();
  if (after.length > 0) console.log(`NOTE: ${after.join(', ')} not installed: their smoke tests skip (sudo apt-get install ${after.join(' ')}).`);
  return after;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureOtherBrowsers();
