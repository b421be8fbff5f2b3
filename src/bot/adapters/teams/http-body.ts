/** Reads a JSON request body with a size limit: activities are small, anything huge is refused unread. */
import type { IncomingMessage as HttpRequest } from 'node:http';
import { CastMatchError } from '../../../errors/castmatch-error.js';

export class BodyError extends CastMatchError<'request_invalid' | 'request_too_large'> {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(status === 413 ? 'request_too_large' : 'request_invalid', message);
  }
}

export async function readJsonBody(req: HttpRequest, maxBytes: number): Promise<Record<string, unknown>> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyError(413, 'request body too large');
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new BodyError(413, 'request body too large');
    chunks.push(chunk);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BodyError(400, 'request body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BodyError(400, 'request body is not an activity');
  return parsed as Record<string, unknown>;
}
