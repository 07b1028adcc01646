/**
 * Who holds a data folder: the server writes its pid into DATA_DIR/server.pid while its SQLite
 * store is open, so `npm run restore` can refuse to swap the file under a running server. A
 * file whose pid is no longer alive (a crash, kill -9) holds nothing.
 */
import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'server.pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a live process holding `dataDir`, or null. */
export function dataDirHolder(dataDir: string): number | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8');
  } catch {
    return null;
  }
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

/** Marks `dataDir` as held by this process; the result lets go (only if the mark is still ours). */
export function holdDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  const mark = `${process.pid}\n`;
  fs.writeFileSync(file, mark);
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8') === mark) fs.unlinkSync(file);
    } catch {
      // Gone already.
    }
  };
}
