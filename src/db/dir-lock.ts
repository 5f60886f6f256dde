/**
 * An exclusive, process-level lock on a directory: a lock file holding the owner's pid.
 * A lock left by a dead process (crash, SIGKILL) is taken over; a live owner is refused.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface DirLock {
  readonly file: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(`The data directory ${dir} is in use by another Varde process (pid ${pid}). Stop it first, or set VARDE_DATA_DIR to another directory.`);
    this.name = 'DirLockedError';
  }
}

/** Locks `<parent>/<name>` by creating `<parent>/<name>.lock`. */
export function acquireDirLock(parent: string, name: string): DirLock {
  const file = path.join(parent, `${name}.lock`);
  for (let tries = 0; tries < 3; tries++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          try {
            if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(fs.readFileSync(file, 'utf8').trim());
      if (isAlive(owner) && owner !== process.pid) throw new DirLockedError(path.join(parent, name), owner);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${file}`);
}
