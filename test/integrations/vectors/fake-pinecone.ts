/**
 * A local stand-in for Pinecone's data plane (`/vectors/upsert`, `/query`, `/vectors/delete`) and
 * inference API (`/embed`), answering with the JSON shapes of Pinecone's documented 2025-04+ API.
 * It records every request (path, headers that matter, body) so tests can check what the real
 * `@pinecone-database/pinecone` client sends.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  apiKey?: string;
  apiVersion?: string;
  body: any;
}

type Meta = Record<string, unknown>;
interface Stored {
  values: number[];
  metadata?: Meta;
}

export interface FakePinecone {
  url: string;
  requests: RecordedRequest[];
  namespaces: Map<string, Map<string, Stored>>;
  /** Makes the next `n` requests fail with this status and Pinecone-style error body. */
  failNext(status: number, n?: number): void;
  close(): Promise<void>;
}

function cosine(a: number[], b: number[]): number {
  let d = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += a[i]! * (b[i] ?? 0);
    na += a[i]! * a[i]!;
    nb += (b[i] ?? 0) ** 2;
  }
  return na && nb ? d / Math.sqrt(na * nb) : 0;
}

/** Pinecone's filter semantics, written independently of the code under test. */
function matches(meta: Meta | undefined, filter: Meta | undefined): boolean {
  if (!filter) return true;
  const m = meta ?? {};
  return Object.entries(filter).every(([k, cond]) => {
    if (k === '$and') return (cond as Meta[]).every((f) => matches(m, f));
    if (k === '$or') return (cond as Meta[]).some((f) => matches(m, f));
    const v = m[k];
    const has = (x: unknown) => (Array.isArray(v) ? v.includes(x) : v === x);
    const c = (cond !== null && typeof cond === 'object' ? cond : { $eq: cond }) as Record<string, any>;
    return Object.entries(c).every(([op, x]) => {
      switch (op) {
        case '$eq':
          return has(x);
        case '$ne':
          return !has(x);
        case '$in':
          return (x as unknown[]).some(has);
        case '$nin':
          return !(x as unknown[]).some(has);
        case '$gt':
          return typeof v === 'number' && v > x;
        case '$gte':
          return typeof v === 'number' && v >= x;
        case '$lt':
          return typeof v === 'number' && v < x;
        case '$lte':
          return typeof v === 'number' && v <= x;
        case '$exists':
          return (v !== undefined) === x;
        default:
          throw new Error(`unsupported operator ${op}`);
      }
    });
  });
}

/** A deterministic dense "embedding" for /embed: letter counts spread over `dims`. */
function fakeEmbedding(text: string, dims: number, inputType: string): number[] {
  const v = new Array<number>(dims).fill(0);
  for (const w of text.toLowerCase().split(/\W+/).filter(Boolean)) {
    let h = 7;
    for (const ch of w) h = (h * 31 + ch.charCodeAt(0)) % 1_000_003;
    v[h % dims]! += 1;
  }
  v[dims - 1] = inputType === 'query' ? 0.5 : 0.25;
  return v;
}

export async function startFakePinecone(opts: { apiKey?: string; embedDimensions?: number } = {}): Promise<FakePinecone> {
  const apiKey = opts.apiKey ?? 'test-key';
  const requests: RecordedRequest[] = [];
  const namespaces = new Map<string, Map<string, Stored>>();
  let failures: { status: number; left: number } | undefined;
  const ns = (name: string | undefined) => {
    const key = name ?? '';
    let m = namespaces.get(key);
    if (!m) {
      m = new Map();
      namespaces.set(key, m);
    }
    return m;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = raw ? JSON.parse(raw) : undefined;
      const path = (req.url ?? '').split('?')[0]!;
      requests.push({
        method: req.method ?? '',
        path,
        body,
        ...(typeof req.headers['api-key'] === 'string' ? { apiKey: req.headers['api-key'] } : {}),
        ...(typeof req.headers['x-pinecone-api-version'] === 'string' ? { apiVersion: req.headers['x-pinecone-api-version'] } : {}),
      });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (failures && failures.left > 0) {
        failures.left--;
        return send(failures.status, {
          error: { code: failures.status === 429 ? 'RESOURCE_EXHAUSTED' : 'INTERNAL', message: 'fake failure' },
          status: failures.status,
        });
      }
      if (req.headers['api-key'] !== apiKey)
        return send(401, { error: { code: 'UNAUTHENTICATED', message: 'Invalid API Key' }, status: 401 });

      if (req.method === 'POST' && path === '/vectors/upsert') {
        const space = ns(body.namespace);
        for (const v of body.vectors) space.set(v.id, { values: v.values, ...(v.metadata ? { metadata: v.metadata } : {}) });
        return send(200, { upsertedCount: body.vectors.length });
      }
      if (req.method === 'POST' && path === '/query') {
        const space = ns(body.namespace);
        const scored = [...space]
          .filter(([, s]) => matches(s.metadata, body.filter))
          .map(([id, s]) => ({
            id,
            score: cosine(body.vector, s.values),
            values: body.includeValues ? s.values : [],
            ...(body.includeMetadata && s.metadata ? { metadata: s.metadata } : {}),
          }))
          .sort((a, b) => b.score - a.score)
          .slice(0, body.topK);
        return send(200, { results: [], matches: scored, namespace: body.namespace ?? '', usage: { readUnits: 5 } });
      }
      if (req.method === 'POST' && path === '/vectors/delete') {
        const space = ns(body.namespace);
        for (const id of body.ids ?? []) space.delete(id);
        return send(200, {});
      }
      if (req.method === 'POST' && path === '/embed') {
        const dims = opts.embedDimensions ?? 1024;
        const inputType = body.parameters?.input_type ?? 'passage';
        return send(200, {
          model: body.model,
          vector_type: 'dense',
          data: body.inputs.map((i: { text: string }) => ({ values: fakeEmbedding(i.text, dims, inputType), vector_type: 'dense' })),
          usage: { total_tokens: body.inputs.length * 8 },
        });
      }
      return send(404, { error: { code: 'NOT_FOUND', message: `no route ${req.method} ${path}` }, status: 404 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    namespaces,
    failNext: (status, n = 1) => {
      failures = { status, left: n };
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
