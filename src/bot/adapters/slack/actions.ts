/**
 * Skill actions carried on Slack buttons: the button's `value` is the ActionPress as JSON, handed
 * back verbatim when it is clicked. Values come back from Slack signed, but are still checked.
 */
import type { ActionPress } from '../../message.js';

/** Prefix of every CastMatch button's action id (`cast:<block>:<button>`). */
export const ACTION_ID = /^cast:/;

export function encodeAction(action: ActionPress): string {
  return JSON.stringify({ skill: action.skill, args: action.args });
}

/** The ActionPress on a button, or undefined when the value is not one of ours. */
export function decodeAction(value: string | undefined): ActionPress | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { skill, args } = parsed as { skill?: unknown; args?: unknown };
    if (typeof skill !== 'string' || typeof args !== 'object' || args === null || Array.isArray(args)) return undefined;
    return { skill, args: args as Record<string, unknown> };
  } catch {
    // Not JSON: a button from another app or an old message format.
    return undefined;
  }
}
