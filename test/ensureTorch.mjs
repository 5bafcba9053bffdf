// Makes sure Debian's PyTorch and numpy exist for the `spikelab export --torch` round trip
// (test/cli/torchExport.test.ts): as root, python3-torch and python3-numpy are installed when
// `python3 -c "import torch, numpy"` fails, as ensureOtherBrowsers.mjs installs the browsers;
// otherwise the packages are named and those tests skip (they say so).
import { execFileSync, spawnSync } from 'node:child_process';

const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const PACKAGES = ['python3-torch', 'python3-numpy'];

const importsTorch = () => spawnSync(PYTHON, ['-c', 'import torch, numpy'], { stdio: 'ignore' }).status === 0;

/** Whether PyTorch imports, after installing it if it could. */
export function ensureTorch() {
  if (!importsTorch() && process.getuid?.() === 0) {
    console.log(`Installing Debian's ${PACKAGES.join(' ')} for the PyTorch export round trip (apt-get install -y)…`);
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch (e) {
      console.error(`apt-get failed (${e.message}): the PyTorch export tests will skip`);
    }
  }
  const ok = importsTorch();
  if (!ok) console.log(`NOTE: ${PYTHON} cannot import torch and numpy: the PyTorch export tests skip (sudo apt-get install ${PACKAGES.join(' ')}).`);
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureTorch();
