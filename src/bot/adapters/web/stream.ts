/**
 * One turn's answer to the page, streamed as it happens: newline-delimited JSON events, so a
 * progress line ("Reading the script…") shows while the skill is still working and the replies
 * follow. The reply model travels as it is; file contents as base64.
 *
 *   {"type":"progress","text":"Reading brick_and_steel.fountain…"}
 *   {"type":"reply","reply":{"text":"…","blocks":[…],"files":[{"name":"scenes.png","mimeType":"image/png","data":"iVBOR…"}]}}
 *   {"type":"done"}
 */
import type { ServerResponse } from 'node:http';
import type { Reply } from '../../reply.js';
import type { ReplySink } from '../../turn-handler.js';

/** A Reply as JSON: the same blocks, each file's bytes as base64. */
type WireReply = Omit<Reply, 'files'> & { files?: { name: string; mimeType: string; title?: string; data: string }[] };

export type TurnEvent = { type: 'progress'; text: string } | { type: 'reply'; reply: WireReply } | { type: 'done' };

function toWire(reply: Reply): WireReply {
  const { files, ...rest } = reply;
  if (!files?.length) return rest;
  return { ...rest, files: files.map((f) => ({ ...f, data: Buffer.from(f.data).toString('base64') })) };
}

/** The ReplySink of one turn over an HTTP response; `end` closes the stream after the turn. */
export class StreamSink implements ReplySink {
  constructor(private readonly res: ServerResponse) {
    res.writeHead(200, {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  }

  async send(reply: Reply): Promise<void> {
    this.write({ type: 'reply', reply: toWire(reply) });
  }

  async progress(text: string): Promise<void> {
    this.write({ type: 'progress', text });
  }

  end(): void {
    this.write({ type: 'done' });
    this.res.end();
  }

  /** A page closed mid-turn: the turn still finishes (and is remembered); its answer goes nowhere. */
  private write(event: TurnEvent): void {
    if (this.res.writable) this.res.write(`${JSON.stringify(event)}\n`);
  }
}
