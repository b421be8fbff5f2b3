/** Slack Web API errors, translated once: which mean "this conversation is gone for the bot". */

/** Slack's error code of a failed Web API call (`channel_not_found`, `ratelimited`…), if any. */
export function slackErrorCode(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** Codes after which posting into that conversation again cannot succeed: do not retry. */
const GONE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'token_revoked',
  'invalid_auth',
  'not_authed',
  'team_access_not_granted',
  'missing_installation',
]);

export function isGone(err: unknown): boolean {
  const code = slackErrorCode(err);
  return code !== undefined && GONE.has(code);
}

/** Codes after which a direct message to that person cannot succeed (left, deactivated, a bot). */
const PERSON_GONE = new Set(['user_not_found', 'user_disabled', 'user_not_visible', 'cannot_dm_bot']);

/** Whether a direct message to a person failed for good: their account, or the bot's access, is gone. */
export function isPersonGone(err: unknown): boolean {
  const code = slackErrorCode(err);
  return isGone(err) || (code !== undefined && PERSON_GONE.has(code));
}

/** The bot cannot read or write this channel (not invited): a reply through response_url still can. */
export function isNotInChannel(err: unknown): boolean {
  const code = slackErrorCode(err);
  return code === 'not_in_channel' || code === 'channel_not_found';
}
