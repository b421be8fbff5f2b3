/** A tool the model may call; `inputSchema` is JSON Schema generated from the skill's zod schema. */
export interface ToolSpec { name: string; description: string; inputSchema: Record<string, unknown> }

export interface ToolCallRequest {
  system: string;
  /** Untrusted text (a user message, a script chunk) goes here and only here. */
  user: string;
  tools: ToolSpec[];
  /** Force this tool; otherwise the model must pick one of `tools`. */
  forceTool?: string;
  maxTokens?: number;
}

export interface ToolCall { tool: string; input: unknown }

/** The language model port (Claude through @anthropic-ai/sdk when ANTHROPIC_API_KEY is set). */
export interface LanguageModel {
  readonly model: string;
  /** Returns the model's tool call, or null when it answered without one. Throws LlmError on failure. */
  callTool(req: ToolCallRequest): Promise<ToolCall | null>;
}

export class LlmError extends Error {
  constructor(readonly reason: 'rate_limited' | 'overloaded' | 'timeout' | 'unavailable' | 'bad_response', message: string) {
    super(message);
    this.name = 'LlmError';
  }
}
