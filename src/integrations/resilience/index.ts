/**
 * Circuit breakers, timeouts and fallbacks for the ports that reach outside this machine
 * (Anthropic, Pinecone, Google). opossum is used in `breaker.ts` only; the decorators implement the
 * same port interfaces, so skills never know a breaker is there, except through the note under a
 * reply that a fallback served (src/integrations/degradation.ts).
 */
export { BreakerRegistry, BreakerOpenError } from './breaker.js';
export { retryIdempotent, backoffDelay } from './retry.js';
export { breakerLanguageModel, LLM_DEGRADED_NOTE } from './language-model.js';
export { breakerVectorIndex, VECTORS_DEGRADED_NOTE } from './vector-index.js';
export { breakerEmbedder, EmbedderUnavailableError, EMBEDDER_DEGRADED_NOTE } from './embedder.js';
export { breakerCalendar, CalendarUnavailableError, FREEBUSY_DEGRADED_NOTE, BOOKING_DEGRADED_NOTE } from './calendar.js';
export { resilientServices } from './services.js';
