/**
 * `npm run package:teams`: validates manifests/teams/manifest.json against the schema bundled in
 * @microsoft/app-manifest, checks the icons, and writes dist/castmatch-teams.zip (manifest and
 * icons at the zip root, as Teams expects) ready to upload.
 *
 * Options: --bot-id GUID (the Azure bot's app id), --domain HOST (where the bot is served),
 * --out FILE. Without them the manifest's values are used as they are.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import AdmZip from 'adm-zip';

export interface PackageOptions {
  manifestDir: string;
  outFile: string;
  botId?: string;
  domain?: string;
}

/** Icon sizes Teams requires. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

interface ManifestShape {
  icons: { color: string; outline: string };
  bots?: { botId: string }[];
  validDomains?: string[];
  [key: string]: unknown;
}

/** Width, height and colour type from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngHeader(bytes: Uint8Array): { width: number; height: number; hasAlpha: boolean } {
  const b = Buffer.from(bytes);
  if (b.length < 26 || b.toString('hex', 0, 8) !== '89504e470d0a1a0a' || b.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  const colorType = b[25];
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), hasAlpha: colorType === 4 || colorType === 6 };
}

/** Builds the app package; returns the problems found instead of writing when there are any. */
export async function packageTeamsApp(opts: PackageOptions): Promise<{ file?: string; problems: string[] }> {
  const manifest = JSON.parse(await readFile(path.join(opts.manifestDir, 'manifest.json'), 'utf8')) as ManifestShape;
  if (opts.botId) for (const bot of manifest.bots ?? []) bot.botId = opts.botId;
  if (opts.domain) manifest.validDomains = [...new Set([opts.domain, ...(manifest.validDomains ?? [])])];
  // Loaded here, not at the top: it is CommonJS requiring an ES module, which plain Node 20 handles
  // but jest's module loader does not, and the tests import pngHeader from this file.
  const { AppManifestUtils } = await import('@microsoft/app-manifest');
  const problems = await AppManifestUtils.validateAgainstSchema(
    manifest as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0],
  );
  const icons: Record<string, Buffer> = {};
  for (const kind of ['color', 'outline'] as const) {
    const name = manifest.icons[kind];
    try {
      icons[name] = await readFile(path.join(opts.manifestDir, name));
      const h = pngHeader(icons[name]);
      const size = ICON_SIZES[kind];
      if (h.width !== size || h.height !== size) problems.push(`${name}: must be ${size}x${size}, is ${h.width}x${h.height}`);
      if (kind === 'outline' && !h.hasAlpha) problems.push(`${name}: must have a transparent background`);
    } catch (err) {
      problems.push(`${name}: ${(err as Error).message}`);
    }
  }
  if (problems.length) return { problems };
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  for (const [name, data] of Object.entries(icons)) zip.addFile(name, data);
  await mkdir(path.dirname(opts.outFile), { recursive: true });
  await zip.writeZipPromise(opts.outFile);
  return { file: opts.outFile, problems };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { 'bot-id': { type: 'string' }, domain: { type: 'string' }, out: { type: 'string' } } });
  const result = await packageTeamsApp({
    manifestDir: path.resolve('manifests/teams'),
    outFile: path.resolve(values.out ?? 'dist/castmatch-teams.zip'),
    ...(values['bot-id'] ? { botId: values['bot-id'] } : {}),
    ...(values.domain ? { domain: values.domain } : {}),
  });
  if (result.problems.length) {
    console.error(`The Teams app package was not written:\n${result.problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`wrote ${result.file}`);
}
