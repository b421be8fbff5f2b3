/**
 * Files shared in Slack, as SharedFile. Slack's file object says the name, type and size up front;
 * the bytes sit behind `url_private_download`, readable with the bot token. The token is sent only
 * to Slack's file host (or the configured API host, for local runs), and the size is checked from
 * the file object, then `content-length`, then while streaming: an oversized file is never buffered.
 */
import type { SharedFile } from '../../message.js';
import { FileRefusedError, FileTooLargeError } from '../../file-intake.js';
import { readBounded } from '../read-bounded.js';

const DOWNLOAD_TIMEOUT_MS = 60_000;

/** The fields of a Slack file object this adapter reads. */
export interface SlackFile {
  id: string;
  name?: string;
  title?: string;
  mimetype?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
  /** `check_file_info` in events for files whose details must be fetched with files.info. */
  file_access?: string;
}

/** A download Slack refused, or a URL the token must not be sent to. */
function notHandedOver(fileName: string, reason: string): FileRefusedError {
  return new FileRefusedError(
    'download',
    fileName,
    `Slack did not hand over ${fileName} (${reason}). Please share it again, or check that I was added to the channel.`,
  );
}

/** True when the event's copy of the file lacks what a download needs. */
export function needsFileInfo(file: SlackFile): boolean {
  return file.file_access === 'check_file_info' || !(file.url_private_download ?? file.url_private) || file.size === undefined;
}

export function fileName(file: SlackFile): string {
  return file.name ?? file.title ?? `${file.id}`;
}

/** A Slack file as the skills see it: name, type and size now, bytes on `fetch`. */
export function sharedFile(file: SlackFile, botToken: string, trustedOrigins: string[]): SharedFile {
  const name = fileName(file);
  const url = file.url_private_download ?? file.url_private;
  return {
    name,
    ...(file.mimetype ? { mimeType: file.mimetype } : {}),
    ...(file.size !== undefined ? { size: file.size } : {}),
    fetch: async (maxBytes) => {
      if (file.size !== undefined && file.size > maxBytes) throw new FileTooLargeError(name, file.size, maxBytes);
      if (!url) throw notHandedOver(name, 'no download link');
      if (!trustedOrigins.includes(new URL(url).origin)) throw notHandedOver(name, 'download link outside Slack');
      return download(name, url, botToken, maxBytes);
    },
  };
}

async function download(name: string, url: string, token: string, maxBytes: number): Promise<Uint8Array> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), DOWNLOAD_TIMEOUT_MS);
  try {
    // Redirects are refused: following one would hand the bot token to another host.
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal, redirect: 'manual' });
    if (res.status !== 200) throw notHandedOver(name, `HTTP ${res.status}`);
    // Slack answers an unauthorised download with its HTML sign-in page, not an error status.
    if ((res.headers.get('content-type') ?? '').startsWith('text/html')) throw notHandedOver(name, 'sign-in page instead of the file');
    return await readBounded(res, name, maxBytes);
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}
