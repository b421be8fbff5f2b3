/**
 * Claude through @anthropic-ai/sdk. `baseURL` is configurable so tests drive the real SDK against a
 * local fake server. Errors are translated once, here, into LlmError reasons callers can act on.
 */
import Anthropic from '@anthropic-ai/sdk';
import { LlmError, type LanguageModel, type ToolCall, type ToolCallRequest } from './language-model.js';

export interface AnthropicModelOptions {
  apiKey: string;
  model: string;
  baseURL?: string;
  timeoutMs: number;
  /** SDK-level retries; the circuit breaker and fallbacks handle the rest. */
  maxRetries?: number;
}

export class AnthropicModel implements LanguageModel {
  private readonly client: Anthropic;
  readonly model: string;

  constructor(opts: AnthropicModelOptions) {
    this.model = opts.model;
    this.client = new Anthropic({
      apiKey: opts.apiKey,
      timeout: opts.timeoutMs,
      maxRetries: opts.maxRetries ?? 1,
      ...(opts.baseURL ? { baseURL: opts.baseURL } : {}),
    });
  }

  async callTool(req: ToolCallRequest): Promise<ToolCall | null> {
    let message: Anthropic.Message;
    try {
      message = await this.client.messages.create({
        model: this.model,
        max_tokens: req.maxTokens ?? 1024,
        system: req.system,
        messages: [{ role: 'user', content: req.user }],
        tools: req.tools.map((t) => ({
          name: t.name,
          description: t.description,
          input_schema: t.inputSchema as Anthropic.Tool.InputSchema,
        })),
        tool_choice: req.forceTool ? { type: 'tool', name: req.forceTool } : { type: 'any' },
      });
    } catch (err) {
      throw translate(err);
    }
    const use = message.content.find((c): c is Anthropic.ToolUseBlock => c.type === 'tool_use');
    return use ? { tool: use.name, input: use.input } : null;
  }
}

function translate(err: unknown): LlmError {
  if (err instanceof Anthropic.APIConnectionTimeoutError) return new LlmError('timeout', 'Claude did not answer in time');
  if (err instanceof Anthropic.RateLimitError) return new LlmError('rate_limited', 'Claude is rate-limiting requests (429)');
  if (err instanceof Anthropic.APIError) {
    if (err.status === 529) return new LlmError('overloaded', 'Claude is overloaded (529)');
    return new LlmError('unavailable', `Claude answered ${err.status ?? 'with an error'}`);
  }
  if (err instanceof Anthropic.APIConnectionError) return new LlmError('unavailable', 'Claude could not be reached');
  return new LlmError('bad_response', (err as Error).message);
}
