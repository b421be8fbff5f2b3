/** The memory the bot measures itself against when MEMORY_LIMIT_MB is unset. */
import { defaultMemoryLimitMb } from '../../src/ops/memory-limit.js';

const GB = 1024 ** 3;
const files = (contents: Record<string, string>) => (file: string) => {
  if (!(file in contents)) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
  return contents[file]!;
};

test("a container's limit (cgroup v2, else v1) is the limit", () => {
  expect(defaultMemoryLimitMb(files({ '/sys/fs/cgroup/memory.max': '536870912\n' }), 8 * GB)).toBe(512);
  expect(defaultMemoryLimitMb(files({ '/sys/fs/cgroup/memory/memory.limit_in_bytes': '1073741824' }), 8 * GB)).toBe(1024);
});

test("no container limit ('max', v1's huge sentinel, or no cgroup files): the machine's memory", () => {
  expect(defaultMemoryLimitMb(files({ '/sys/fs/cgroup/memory.max': 'max' }), 8 * GB)).toBe(8192);
  expect(defaultMemoryLimitMb(files({ '/sys/fs/cgroup/memory/memory.limit_in_bytes': '9223372036854771712' }), 4 * GB)).toBe(4096);
  expect(defaultMemoryLimitMb(files({}), 2 * GB)).toBe(2048);
});
