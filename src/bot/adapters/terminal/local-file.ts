/** A file on this machine, shared into a terminal conversation as an upload would be. */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SharedFile } from '../../message.js';
import { FileTooLargeError } from '../../file-intake.js';

export async function localFile(filePath: string): Promise<SharedFile> {
  const info = await stat(filePath);
  if (!info.isFile()) throw new Error(`${filePath} is not a file`);
  const name = path.basename(filePath);
  return {
    name,
    size: info.size,
    fetch: async (maxBytes) => {
      // Checked before reading, so a 50 MB upload is refused without buffering it.
      if (info.size > maxBytes) throw new FileTooLargeError(name, info.size, maxBytes);
      const handle = await open(filePath, 'r');
      try {
        return new Uint8Array(await handle.readFile());
      } finally {
        await handle.close();
      }
    },
  };
}
