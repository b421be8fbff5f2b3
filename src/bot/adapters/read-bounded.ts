/** Reading a downloaded file's body without ever holding more than the limit, for every adapter. */
import { FileTooLargeError } from '../file-intake.js';

/**
 * The body of `res`, refused as soon as it passes `maxBytes`: first by its declared length, then
 * while streaming, since a server may omit or understate content-length.
 */
export async function readBounded(res: Response, name: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw new FileTooLargeError(name, declared, maxBytes);
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) throw new FileTooLargeError(name, total, maxBytes);
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
