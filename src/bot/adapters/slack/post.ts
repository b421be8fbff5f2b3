/**
 * Posting a rendered reply into a Slack conversation: the Block Kit message with `chat.postMessage`,
 * then its images and files with `files.uploadV2` into the same conversation and thread. Shared by
 * live replies (sink.ts) and proactive posts (poster.ts), so both look the same.
 */
import type { webApi } from '@slack/bolt';
import type { FileAttachment, Reply } from '../../reply.js';
import { renderMessage } from './render.js';

type WebClient = webApi.WebClient;

export interface Target {
  channel: string;
  thread?: string | undefined;
}

/** Posts the message and uploads its files; returns the message's ts. */
export async function postReply(client: WebClient, target: Target, reply: Reply): Promise<string | undefined> {
  const res = await client.chat.postMessage({
    channel: target.channel,
    ...threadOf(target),
    ...renderMessage(reply),
    unfurl_links: false,
    unfurl_media: false,
  });
  // Files follow the message where Slack put it: posted to a user id, that is the IM's `D…` channel.
  await uploadFiles(client, { ...target, channel: res.channel ?? target.channel }, reply.files ?? [], altTexts(reply));
  return res.ts;
}

/** Uploads each file into the conversation; images get the alt text their block gave them. */
export async function uploadFiles(client: WebClient, target: Target, files: FileAttachment[], alts: Map<string, string>): Promise<void> {
  for (const f of files) {
    const alt = alts.get(f.name);
    await client.files.uploadV2({
      channel_id: target.channel,
      ...(target.thread ? { thread_ts: target.thread } : {}),
      file: Buffer.from(f.data),
      filename: f.name,
      title: f.title ?? alt ?? f.name,
      ...(alt ? { alt_text: alt } : {}),
    } as webApi.FilesUploadV2Arguments);
  }
}

/** Image blocks' alt texts by file name. */
export function altTexts(reply: Reply): Map<string, string> {
  return new Map(reply.blocks.flatMap((b) => (b.type === 'image' ? [[b.file, b.alt] as const] : [])));
}

function threadOf(target: Target): { thread_ts?: string } {
  return target.thread ? { thread_ts: target.thread } : {};
}
