/**
 * Slack's documented Block Kit and message limits, in one place so the renderer and its tests
 * agree. Exceeding any of them makes Slack refuse the whole message (`invalid_blocks`).
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocks: 50,
  /** Characters of a section's text. */
  sectionText: 3000,
  /** Fields in one section, and characters per field. */
  sectionFields: 10,
  fieldText: 2000,
  /** Characters of a header's plain text. */
  headerText: 150,
  /** Elements in one context block, and characters of each. */
  contextText: 2000,
  /** Elements in one actions block. */
  actionElements: 25,
  /** A button's label, its value and its action id. */
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  /** The top-level `text` of a message (Slack truncates beyond it). */
  messageText: 40000,
} as const;
