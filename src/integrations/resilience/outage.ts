/**
 * Is this error the service failing (count it toward opening the breaker, fall back), or a request
 * the service rightly refused (a bad filter, an unknown event id, a model mismatch), which a
 * fallback would only hide? Clients wrap their errors differently, so the cause chain is read.
 */
import { LlmError } from '../llm/language-model.js';
import { VectorModelMismatchError } from '../vectors/vector-index.js';
import { BreakerOpenError, BreakerTimeoutError } from './breaker.js';

/** Statuses that say "this request is wrong", not "the service is down". 401/403 count as down: the service is unusable. */
const CALLER_ERRORS = new Set([400, 404, 405, 409, 410, 412, 413, 422]);
/** Pinecone's client names its errors rather than exposing a status. */
const CALLER_ERROR_NAMES = /^Pinecone(BadRequest|NotFound|Argument|Conflict|Unprocessable)\w*Error$/;

export function isOutage(err: unknown): boolean {
  if (err instanceof BreakerOpenError || err instanceof BreakerTimeoutError) return true;
  if (err instanceof LlmError) return err.reason !== 'bad_response';
  for (const e of causeChain(err)) {
    if (e instanceof VectorModelMismatchError) return false;
    if (e instanceof Error && CALLER_ERROR_NAMES.test(e.name)) return false;
    const status = statusOf(e);
    if (status !== undefined) return !CALLER_ERRORS.has(status);
  }
  return true;
}

/** The HTTP status an error carries, where its client records one. */
export function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { status?: unknown; statusCode?: unknown; code?: unknown; response?: { status?: unknown } };
  for (const v of [e.status, e.statusCode, e.response?.status, e.code]) {
    if (typeof v === 'number' && v >= 100 && v < 600) return v;
  }
  return undefined;
}

function causeChain(err: unknown): unknown[] {
  const chain: unknown[] = [];
  let e: unknown = err;
  while (e !== undefined && e !== null && chain.length < 5) {
    chain.push(e);
    e = (e as { cause?: unknown }).cause;
  }
  return chain;
}
