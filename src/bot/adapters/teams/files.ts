/**
 * Files shared in Teams, as SharedFile: personal-chat uploads (`file.download.info` attachments with a
 * pre-authorised `downloadUrl`) and channel attachments with a `contentUrl`. The size is checked
 * from `content-length` first, and again while streaming, so an oversized file is never buffered.
 */
import type { SharedFile } from '../../message.js';
import { readBounded } from '../read-bounded.js';
import { FileRefusedError } from '../../file-intake.js';

/** Teams' attachment type for a file a user uploaded in a personal chat. */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

const DOWNLOAD_TIMEOUT_MS = 60_000;

/** The attachment fields this module reads (a subset of botframework's Attachment). */
export interface TeamsAttachment {
  contentType: string;
  contentUrl?: string;
  content?: unknown;
  name?: string;
}

/** Attachments that are files the bot can read; cards, HTML bodies and mentions are skipped. */
export function sharedFiles(attachments: TeamsAttachment[] | undefined): SharedFile[] {
  const files: SharedFile[] = [];
  for (const a of attachments ?? []) {
    if (a.contentType === FILE_DOWNLOAD_INFO) {
      const url = downloadUrlOf(a.content);
      if (url) files.push(remoteFile(a.name ?? 'upload', url));
    } else if (a.contentUrl && isFileType(a.contentType)) {
      files.push(remoteFile(a.name ?? 'attachment', a.contentUrl, a.contentType));
    }
  }
  return files;
}

function downloadUrlOf(content: unknown): string | undefined {
  if (typeof content !== 'object' || content === null) return undefined;
  const url = (content as { downloadUrl?: unknown }).downloadUrl;
  return typeof url === 'string' && /^https?:\/\//.test(url) ? url : undefined;
}

function isFileType(contentType: string): boolean {
  // Teams mirrors the message body as a text/html attachment and cards as vnd.microsoft.card.*.
  return contentType !== 'text/html' && !contentType.startsWith('application/vnd.microsoft.card.');
}

/** A file behind a URL, read lazily with a size limit. */
export function remoteFile(name: string, url: string, mimeType?: string): SharedFile {
  return {
    name,
    ...(mimeType ? { mimeType } : {}),
    fetch: (maxBytes) => download(name, url, maxBytes),
  };
}

async function download(name: string, url: string, maxBytes: number): Promise<Uint8Array> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), DOWNLOAD_TIMEOUT_MS);
  try {
    const res = await fetch(url, { signal: abort.signal, redirect: 'follow' });
    if (!res.ok) throw new FileRefusedError('download', name, `Teams did not hand over ${name} (HTTP ${res.status})`);
    return await readBounded(res, name, maxBytes);
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}
