// Finds the Chromium the tests drive: CHROME_PATH, then /usr/bin/chromium, then a Chrome or
// Chromium on PATH. Run as a script (`node test/support/chromium.mjs`), it installs Debian's
// chromium with apt-get when none is found and it runs as root, or stops with a one-line
// instruction. Browser tests must never download a browser of their own.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** Flags for headless Chromium on a closed network (no background fetches, no sandbox as root). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path of a Chromium or Chrome executable, or undefined. */
export function findChromium() {
  if (process.env.CHROME_PATH && executable(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
  if (executable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of NAMES) {
      const candidate = join(dir, name);
      if (dir && executable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Finds Chromium, installing Debian's package when possible; exits with an instruction otherwise. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let hasAptGet = false;
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
    hasAptGet = true;
  } catch {
    hasAptGet = false;
  }
  if (isRoot && hasAptGet) {
    console.log("Chromium not found: installing Debian's chromium with apt-get…");
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], {
      stdio: 'inherit',
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  console.error(
    'No Chromium found: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to a Chrome executable.',
  );
  process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`Chromium: ${ensureChromium()}`);
}
