import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const INSTALL = 'apt-get install -y chromium fonts-liberation2';

/**
 * Debian's Chromium: CHROMIUM_PATH, else /usr/bin/chromium; installed with apt when missing and running
 * as root, otherwise a failure that says how to install it (never a silent skip).
 */
export function chromiumPath(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!fs.existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
    return configured;
  }
  const standard = '/usr/bin/chromium';
  if (fs.existsSync(standard)) return standard;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is needed for the e2e tests and is not installed. Install it with: sudo ${INSTALL}`);
  }
  console.error(`e2e: Chromium not found, installing it: ${INSTALL}`);
  const run = (args: string[]) =>
    execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    run(['install', '-y', 'chromium', 'fonts-liberation2']);
  } catch {
    run(['update']);
    run(['install', '-y', 'chromium', 'fonts-liberation2']);
  }
  if (!fs.existsSync(standard)) throw new Error(`${INSTALL} did not provide ${standard}`);
  return standard;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
