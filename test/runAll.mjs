// `npm test`: every test runner of the project, then one plain line summing them all:
// "N passed, N failed, N skipped". Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './ensureChromium.mjs';
import { ensureOtherBrowsers } from './ensureOtherBrowsers.mjs';

// The wasm kernel is built from source (it is not committed): tests load the real .wasm. CI has
// just built it (.ci/run): SPIKELAB_KERNELS_BUILT=1 says so and saves building it twice.
if (process.env.SPIKELAB_KERNELS_BUILT !== '1') {
  const kernels = spawnSync('npm', ['run', '--silent', 'build:kernels'], { stdio: 'inherit' });
  if (kernels.status !== 0) console.error('npm run build:kernels failed: the wasm engine tests will fail');
}

const dataDir = process.env.SPIKELAB_DATA ?? join(process.cwd(), '..', 'shared', 'data');
if (!existsSync(dataDir)) console.log(`NOTE: real data folder ${dataDir} is absent: tests that need it are skipped (set SPIKELAB_DATA).`);

let chromeOk = true;
try {
  process.env.CHROME_PATH = ensureChromium();
} catch (e) {
  console.error(e.message);
  chromeOk = false;
}

// Firefox and WebKitGTK for the cross-browser smoke set (e2e project): installed as root when
// missing; otherwise those tests skip and say which package to install.
ensureOtherBrowsers();

const dir = mkdtempSync(join(tmpdir(), 'spikelab-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function runVitest(project) {
  const out = join(dir, `${project}.json`);
  const res = spawnSync('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], { stdio: 'inherit' });
  if (!existsSync(out)) {
    console.error(`vitest ${project} produced no report (exit ${res.status})`);
    totals.failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + countFilesThatFailedToLoad(report);
  totals.skipped += report.numPendingTests + report.numTodoTests;
  if (res.status !== 0 && report.numFailedTests === 0 && !report.numFailedTestSuites) totals.failed += 1;
}

// A file that fails to load has no failed tests of its own; count it once. (numFailedTestSuites
// is no use here: it counts each describe block around a failed test as well as its file.)
function countFilesThatFailedToLoad(report) {
  return report.testResults.filter((s) => s.status === 'failed' && !s.assertionResults.some((a) => a.status === 'failed')).length;
}

runVitest('unit');
if (chromeOk) runVitest('e2e');
else totals.failed += 1;

console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
