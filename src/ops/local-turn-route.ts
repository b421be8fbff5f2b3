/**
 * POST /local/turn: one turn over HTTP, answered in the response — for operators on the machine
 * and end-to-end smoke tests (a slow turn during a shutdown). Unauthenticated, so `serve` mounts
 * it only when the server listens on a loopback address.
 *
 *   curl -s localhost:3978/local/turn -d '{"text":"what can you do?"}'
 *   → {"replies":[{"text":"CastMatch: what I can do …"}]}
 */
import type { IncomingMessage as HttpRequest } from 'node:http';
import { z } from 'zod';
import type { HttpRoute } from '../bot/http/route.js';
import type { TurnHandler } from '../bot/turn-handler.js';
import { sendJson } from '../bot/http/server.js';
import { renderText } from '../bot/render/text.js';

const MAX_BODY_BYTES = 64 * 1024;

const turnBody = z.object({
  text: z.string().min(1, 'say something').max(4_000),
  channel: z.string().min(1).max(200).default('local'),
  user: z.string().min(1).max(200).default('operator'),
});

export function localTurnRoute(handler: TurnHandler): HttpRoute {
  return {
    method: 'POST',
    path: '/local/turn',
    listener: async (req, res) => {
      const raw = await readBody(req);
      if (raw === undefined) return sendJson(res, 413, { error: `body larger than ${MAX_BODY_BYTES} bytes` });
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        return sendJson(res, 400, { error: 'body must be JSON: {"text": "…", "channel"?: "…", "user"?: "…"}' });
      }
      const body = turnBody.safeParse(json);
      if (!body.success)
        return sendJson(res, 400, { error: body.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
      const replies: { text: string; isError?: boolean }[] = [];
      await handler.handle(
        {
          address: { platform: 'local', workspace: 'http', channel: body.data.channel },
          user: { id: body.data.user },
          text: body.data.text,
          addressed: true,
          receivedAt: new Date(),
        },
        {
          send: async (r) => {
            replies.push({ text: renderText(r), ...(r.isError ? { isError: true } : {}) });
          },
          progress: async () => undefined,
        },
      );
      sendJson(res, 200, { replies });
    },
  };
}

/** The body as text, or undefined once it passes the cap (the rest is not read). */
async function readBody(req: HttpRequest): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
