/** Whether a request comes from this machine, by its socket (headers a client sets count for nothing). */
import type { IncomingMessage as HttpRequest } from 'node:http';

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (`::ffff:127.0.0.1`, how a dual-stack socket reports IPv4). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

export function fromThisMachine(req: HttpRequest): boolean {
  return isLoopbackAddress(req.socket.remoteAddress);
}
