/**
 * A local fake of the Google Calendar v3 API and Google's OAuth token endpoint, for driving the
 * real `googleapis` client: freeBusy.query, events.insert/get/patch/delete. It records every
 * request, keeps events in memory, and can be told to fail or stall an operation.
 */
import type http from 'node:http';
import { json, startFakeServer, type FakeServer, type RecordedRequest } from './http-fake.js';

export type CalendarOp = 'token' | 'freeBusy' | 'insert' | 'get' | 'patch' | 'delete';

export interface FakeGoogleCalendar {
  /** API root to give googleapis (`rootUrl`, with the trailing slash). */
  rootUrl: string;
  tokenUrl: string;
  requests: RecordedRequest[];
  /** Events by id, as the API would return them. */
  events: Map<string, Record<string, unknown>>;
  /** Busy intervals per calendar id, answered by freeBusy. */
  busy: Map<string, { start: string; end: string }[]>;
  /** Calendars not shared with the account: freeBusy answers them with Google's notFound error. */
  unreadable: Set<string>;
  /** Make the next calls of an op answer with this HTTP status (once per entry). */
  failNext(op: CalendarOp, status: number): void;
  /** Hold the answer of the next call of an op for this long (to trigger client timeouts). */
  stallNext(op: CalendarOp, ms: number): void;
  /** Requests of one operation, in order. */
  calls(op: CalendarOp): RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeGoogleCalendar(): Promise<FakeGoogleCalendar> {
  const events = new Map<string, Record<string, unknown>>();
  const busy = new Map<string, { start: string; end: string }[]>();
  const unreadable = new Set<string>();
  const failures: { op: CalendarOp; status: number }[] = [];
  const stalls: { op: CalendarOp; ms: number }[] = [];
  const ops = new WeakMap<RecordedRequest, CalendarOp>();
  let n = 0;

  const server: FakeServer = await startFakeServer(async (req, res) => {
    const url = new URL(req.path, 'http://fake');
    const op = opOf(req.method, url.pathname);
    if (!op) return json(res, 404, { error: { code: 404, message: `no route ${req.method} ${url.pathname}` } });
    ops.set(req, op);
    const stall = takeFirst(stalls, op);
    if (stall) await new Promise((r) => setTimeout(r, stall.ms));
    if (res.destroyed || res.writableEnded) return;
    const failure = takeFirst(failures, op);
    if (failure) return json(res, failure.status, { error: { code: failure.status, message: `injected failure of ${op}` } });
    answer(op, req, url, res);
  });

  function answer(op: CalendarOp, req: RecordedRequest, url: URL, res: http.ServerResponse): void {
    const eventId = decodeURIComponent(url.pathname.split('/events/')[1] ?? '');
    switch (op) {
      case 'token':
        return json(res, 200, { access_token: `fake-token-${++n}`, token_type: 'Bearer', expires_in: 3600 });
      case 'freeBusy': {
        const body = req.json as { items?: { id: string }[] };
        const calendars = Object.fromEntries(
          (body.items ?? []).map(({ id }) => [
            id,
            unreadable.has(id) ? { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] } : { busy: busy.get(id) ?? [] },
          ]),
        );
        return json(res, 200, { kind: 'calendar#freeBusy', calendars });
      }
      case 'insert': {
        const body = req.json as Record<string, unknown> & { id?: string; conferenceData?: { createRequest?: { requestId: string } } };
        const id = body.id ?? `ev${++n}`;
        if (events.has(id)) return json(res, 409, { error: { code: 409, message: 'The requested identifier already exists.' } });
        const meet = `https://meet.google.com/fak-${id.slice(0, 4)}-xyz`;
        const event = {
          ...body,
          id,
          status: 'confirmed',
          htmlLink: `https://calendar.google.com/event?eid=${id}`,
          ...(body.conferenceData?.createRequest
            ? {
                hangoutLink: meet,
                conferenceData: {
                  ...body.conferenceData,
                  entryPoints: [{ entryPointType: 'video', uri: meet }],
                  createRequest: { ...body.conferenceData.createRequest, status: { statusCode: 'success' } },
                },
              }
            : {}),
        };
        events.set(id, event);
        return json(res, 200, event);
      }
      case 'get': {
        const event = events.get(eventId);
        return event ? json(res, 200, event) : json(res, 404, { error: { code: 404, message: 'Not Found' } });
      }
      case 'patch': {
        const event = events.get(eventId);
        if (!event) return json(res, 404, { error: { code: 404, message: 'Not Found' } });
        const patched = { ...event, ...(req.json as Record<string, unknown>) };
        events.set(eventId, patched);
        return json(res, 200, patched);
      }
      case 'delete': {
        if (!events.delete(eventId)) return json(res, 410, { error: { code: 410, message: 'Resource has been deleted' } });
        res.writeHead(204);
        res.end();
      }
    }
  }

  return {
    rootUrl: `${server.url}/`,
    tokenUrl: `${server.url}/token`,
    requests: server.requests,
    events,
    busy,
    unreadable,
    failNext: (op, status) => {
      failures.push({ op, status });
    },
    stallNext: (op, ms) => {
      stalls.push({ op, ms });
    },
    calls: (op) => server.requests.filter((r) => ops.get(r) === op),
    close: () => server.close(),
  };
}

function opOf(method: string, path: string): CalendarOp | undefined {
  if (method === 'POST' && path === '/token') return 'token';
  if (method === 'POST' && path === '/calendar/v3/freeBusy') return 'freeBusy';
  if (!/^\/calendar\/v3\/calendars\/[^/]+\/events/.test(path)) return undefined;
  const hasId = /\/events\/[^/]+$/.test(path);
  if (method === 'POST' && !hasId) return 'insert';
  if (!hasId) return undefined;
  return ({ GET: 'get', PATCH: 'patch', DELETE: 'delete' } as Record<string, CalendarOp>)[method];
}

function takeFirst<T extends { op: CalendarOp }>(list: T[], op: CalendarOp): T | undefined {
  const i = list.findIndex((x) => x.op === op);
  return i === -1 ? undefined : list.splice(i, 1)[0];
}
