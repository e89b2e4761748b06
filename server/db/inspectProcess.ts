import fs from 'node:fs/promises';

/** What /proc tells about a process. */
export interface ProcessInfo {
  pid: number;
  parentPid: number;
  /** A zombie has exited; only its parent has not collected it yet. */
  running: boolean;
  argv: string[];
}

/** The process with this id, or null when there is none (or /proc is not there to ask: not Linux). */
export async function inspectProcess(pid: number): Promise<ProcessInfo | null> {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  let status: string;
  let cmdline: string;
  try {
    [status, cmdline] = await Promise.all([
      fs.readFile(`/proc/${pid}/status`, 'utf8'),
      fs.readFile(`/proc/${pid}/cmdline`, 'utf8'),
    ]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const state = /^State:\s+(\S)/m.exec(status)?.[1] ?? '?';
  const parentPid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  return {
    pid,
    parentPid,
    running: state !== 'Z' && state !== 'X',
    argv: cmdline.split('\0').filter((arg) => arg !== ''),
  };
}
