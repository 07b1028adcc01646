/**
 * Installs Debian packages the tests need when the machine lacks them (Chromium,
 * redis-server, postgresql). Runs apt-get directly as root, through sudo otherwise.
 */
import { spawnSync } from 'node:child_process';

/**
 * Returns true when `apt-get install -y <packages>` succeeded. `recommends: false` leaves out
 * what the packages only recommend (PostgreSQL's would bring a mail server).
 */
export function aptInstall(packages, why, { recommends = true } = {}) {
  console.log(`${why}: installing Debian's ${packages.join(', ')}...`);
  const flags = recommends ? '' : ' --no-install-recommends';
  const cmd = `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq${flags} ${packages.join(' ')}`;
  const asRoot = process.getuid?.() === 0;
  const r = spawnSync(asRoot ? 'sh' : 'sudo', asRoot ? ['-c', cmd] : ['sh', '-c', cmd], { stdio: 'inherit' });
  return !r.error && r.status === 0;
}
