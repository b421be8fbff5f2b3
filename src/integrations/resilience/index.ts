/**
 * Circuit breakers, timeouts and fallbacks for the ports that reach outside this machine
 * (Anthropic, Pinecone, Google). opossum is used in `breaker.ts` only; the decorators implement the
 * same port interfaces, so skills never know a breaker is there, except through the note under a
 * reply that a fallback served (src/integrations/degradation.ts).
 */
export { Breaker, BreakerRegistry, BreakerOpenError, BreakerTimeoutError } from './breaker.js';
export type { BreakerOptions, BreakerSnapshot, BreakerState, BreakerEvent } from './breaker.js';
export { retryIdempotent, backoffDelay, type RetryOptions } from './retry.js';
export { isOutage, statusOf } from './outage.js';
export type { PortBreakerOptions, Guarded } from './guard.js';
export { breakerLanguageModel, LLM_DEGRADED_NOTE } from './language-model.js';
export { breakerVectorIndex, VECTORS_DEGRADED_NOTE } from './vector-index.js';
export { breakerEmbedder, compatibleEmbedders, EmbedderUnavailableError, EMBEDDER_DEGRADED_NOTE } from './embedder.js';
export { breakerCalendar, CalendarUnavailableError, FREEBUSY_DEGRADED_NOTE, BOOKING_DEGRADED_NOTE } from './calendar.js';
export { resilientServices, type ResilienceOptions, type BreakerName } from './services.js';
