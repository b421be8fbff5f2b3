/**
 * The base of every error CastMatch raises on purpose. `code` names the failure in a way that stays
 * stable when wording changes (logs, metrics and tests match on it); the message is written for
 * whoever reads it. `audience` says who that is: the person in the chat (a refused file, a service
 * that is down, so the engine shows the message as it is) or the operator (configuration, faults),
 * whose messages stay in the log while the chat gets a reference to them.
 */
export type ErrorAudience = 'user' | 'operator';

export class CastMatchError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    options?: { cause?: unknown; audience?: ErrorAudience },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.audience = options?.audience ?? 'operator';
  }

  readonly audience: ErrorAudience;
}
