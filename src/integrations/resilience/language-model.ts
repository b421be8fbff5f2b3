/**
 * Claude behind a breaker. There is no fallback model: callers already fall back to the rules and
 * the offline analysis on LlmError. What the breaker adds is speed when Claude is down (fail fast
 * instead of waiting out a timeout per message) and a note under the reply saying what happened.
 * No retries here: the SDK already retries once, and a tool call is not free to repeat.
 */
import { LlmError, type LanguageModel, type ToolCall, type ToolCallRequest } from '../llm/language-model.js';
import { BreakerOpenError, BreakerTimeoutError } from './breaker.js';
import { announceFallback, portBreaker, type Guarded, type PortBreakerOptions } from './guard.js';
import { isOutage } from './outage.js';

export const LLM_DEGRADED_NOTE = 'Claude unavailable: used the built-in offline rules instead';

export function breakerLanguageModel(primary: LanguageModel, opts: PortBreakerOptions = {}): LanguageModel & Guarded {
  const breaker = portBreaker('anthropic', { timeoutMs: 20_000, ...opts });
  return {
    model: primary.model,
    breaker,
    async callTool(req: ToolCallRequest): Promise<ToolCall | null> {
      try {
        return await breaker.run(() => primary.callTool(req));
      } catch (err) {
        if (!isOutage(err)) throw err;
        announceFallback(opts, breaker, err, LLM_DEGRADED_NOTE);
        if (err instanceof BreakerOpenError) throw new LlmError('unavailable', err.message);
        if (err instanceof BreakerTimeoutError) throw new LlmError('timeout', err.message);
        throw err;
      }
    },
  };
}
