/**
 * How much memory the bot may use when MEMORY_LIMIT_MB does not say: the container's limit (cgroup
 * v2 `memory.max`, else v1 `memory.limit_in_bytes`), else the machine's memory. A fixed default
 * made an idle server with the sentence encoder loaded (~700 MB) look close to its limit on a
 * machine with plenty to spare.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';

const CGROUP_FILES = ['/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/memory/memory.limit_in_bytes'];
const MB = 1024 * 1024;

export function defaultMemoryLimitMb(read: (file: string) => string = (f) => readFileSync(f, 'utf8'), totalBytes = os.totalmem()): number {
  for (const file of CGROUP_FILES) {
    let text: string;
    try {
      text = read(file).trim();
    } catch {
      continue;
    }
    const bytes = Number(text);
    // "max" (v2) or a near-2^63 sentinel (v1) means no limit: the machine's memory is.
    if (Number.isFinite(bytes) && bytes > 0 && bytes < totalBytes) return Math.floor(bytes / MB);
  }
  return Math.floor(totalBytes / MB);
}
