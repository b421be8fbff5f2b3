/**
 * A local stand-in for the Anthropic Messages API, answering like the real one: a `tool_use`
 * content block chosen by `decide`, or an error status (429, 529, 500) or a hang.
 */
import { json, startFakeServer, type FakeServer } from './http-fake.js';

export interface MessagesRequest {
  model: string;
  system?: string;
  messages: { role: string; content: string }[];
  tools?: { name: string; description: string; input_schema: Record<string, unknown> }[];
  tool_choice?: { type: string; name?: string };
}

export type Decision = { tool: string; input: unknown } | { status: 429 | 529 | 500; message?: string } | { hang: true } | { text: string };

export async function startFakeAnthropic(decide: (req: MessagesRequest) => Decision): Promise<FakeServer> {
  let n = 0;
  return startFakeServer(async (req, res) => {
    if (req.method !== 'POST' || !req.path.startsWith('/v1/messages'))
      return json(res, 404, { type: 'error', error: { type: 'not_found_error', message: 'not found' } });
    const body = req.json as MessagesRequest;
    const d = decide(body);
    if ('hang' in d) return; // never answers: the client's timeout must fire
    if ('status' in d) {
      const type = d.status === 429 ? 'rate_limit_error' : d.status === 529 ? 'overloaded_error' : 'api_error';
      return json(
        res,
        d.status,
        { type: 'error', error: { type, message: d.message ?? type } },
        d.status === 429 ? { 'retry-after': '0' } : {},
      );
    }
    const content =
      'text' in d ? [{ type: 'text', text: d.text }] : [{ type: 'tool_use', id: `toolu_fake_${++n}`, name: d.tool, input: d.input }];
    json(
      res,
      200,
      {
        id: `msg_fake_${n}`,
        type: 'message',
        role: 'assistant',
        model: body.model,
        content,
        stop_reason: 'text' in d ? 'end_turn' : 'tool_use',
        stop_sequence: null,
        usage: { input_tokens: 100, output_tokens: 20 },
      },
      { 'request-id': `req_fake_${n}` },
    );
  });
}
