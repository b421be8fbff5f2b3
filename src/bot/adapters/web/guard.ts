/**
 * Who the chat page answers. It has no sign-in, so it answers only this machine: a request whose
 * socket comes from a loopback address, addressed to a loopback name (a page elsewhere that points
 * its own host name at 127.0.0.1, DNS rebinding, is refused by its Host), and for a POST sent by
 * the page itself (its Origin, when the browser says one, is this server). Headers a client
 * chooses, such as X-Forwarded-For, count for nothing.
 */
import type { IncomingMessage as HttpRequest } from 'node:http';
import { isLoopbackAddress } from '../../http/loopback.js';

/** `localhost`, a loopback IP or `[::1]`, with or without a port. */
function isLoopbackName(host: string | undefined): boolean {
  if (!host) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    // Not a host at all: refused like any other name.
    return false;
  }
  return hostname === 'localhost' || hostname === '[::1]' || isLoopbackAddress(hostname);
}

/** Why the request is refused, in words for the person who sent it, or undefined when it may go on. */
export function refusal(req: HttpRequest): string | undefined {
  if (!isLoopbackAddress(req.socket.remoteAddress) || !isLoopbackName(req.headers.host)) {
    return `The chat page answers only on the machine CastMatch runs on: open http://localhost:${req.socket.localPort}/ there.`;
  }
  const origin = req.headers.origin;
  if (req.method !== 'GET' && origin !== undefined && !sameHost(origin, req.headers.host)) {
    return 'Only the chat page itself may post messages.';
  }
  return undefined;
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    // `Origin: null` (a sandboxed frame, a file:// page) or garbage: not the page.
    return false;
  }
}
