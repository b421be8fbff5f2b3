/** A tool the model may call; `inputSchema` is JSON Schema generated from the skill's zod schema. */
import { CastMatchError } from '../../errors/castmatch-error.js';
export interface ToolSpec {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}

export interface ToolCallRequest {
  system: string;
  /** Untrusted text (a user message, a script chunk) goes here and only here. */
  user: string;
  tools: ToolSpec[];
  /** Force this tool; otherwise the model must pick one of `tools`. */
  forceTool?: string;
  maxTokens?: number;
}

export interface ToolCall {
  tool: string;
  input: unknown;
}

/** The language model port (Claude through @anthropic-ai/sdk when ANTHROPIC_API_KEY is set). */
export interface LanguageModel {
  readonly model: string;
  /** Returns the model's tool call, or null when it answered without one. Throws LlmError on failure. */
  callTool(req: ToolCallRequest): Promise<ToolCall | null>;
}

export type LlmFailure = 'rate_limited' | 'overloaded' | 'timeout' | 'unavailable' | 'bad_response';

export class LlmError extends CastMatchError<`llm_${LlmFailure}`> {
  constructor(
    readonly reason: LlmFailure,
    message: string,
  ) {
    super(`llm_${reason}`, message);
  }
}
