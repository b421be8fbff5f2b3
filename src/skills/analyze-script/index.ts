/**
 * analyze-script: an uploaded screenplay becomes the casting breakdown, stored as the channel's
 * active project so shortlists can use its roles. Offline by default; with Claude, each leading
 * role also gets a casting description. Bad files get a reply saying what to upload instead, and
 * nothing is stored.
 */
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineSkill, type SkillContext } from '../../bot/skill.js';
import { errorReply, type FileAttachment, type Reply } from '../../bot/reply.js';
import type { SharedFile } from '../../bot/message.js';
import { LlmError } from '../../integrations/llm/language-model.js';
import { noteDegraded } from '../../integrations/degradation.js';
import { fileIntake, fileKind, FileRefusedError } from '../../bot/file-intake.js';
import { analyzeScript, ScriptError, type Breakdown } from '../../casting/script/parse/index.js';
import { renderCharacterChart } from '../../casting/script/chart/index.js';
import { renderBreakdown } from './render-breakdown.js';
import { noteRolesWithClaude } from '../../casting/script/enrich/claude-notes.js';
import { scriptText } from '../../casting/script/enrich/script-text.js';
import type { RoleNotes } from '../../casting/script/enrich/role-notes.js';
import { projectFromBreakdown } from '../../casting/script/project.js';
import { fillFromNotes } from '../../casting/script/enrich/quoted-notes.js';
import { roleCorrections } from '../project.js';

const NOTES_CACHE = 'cache:role-notes';
const NOTES_CACHE_TTL_MS = 30 * 24 * 3_600_000;
const NOTED_ROLES = 12;

export const analyzeScriptSkill = defineSkill({
  id: 'analyze-script',
  description: 'Read an uploaded screenplay and produce its casting breakdown: roles, sizes, scenes, ages, chemistry pairs.',
  examples: ['analyze this script', 'break down the screenplay I just uploaded'],
  args: z.object({ file: z.string().optional() }),
  sideEffects: false,
  run: async (ctx, args) => {
    const file = pickFile(ctx.message.files ?? [], args.file);
    if (!file) {
      // "who's in this script?", "how many parts are there?" about the script already analyzed here.
      const shown = await activeBreakdown(ctx, args.file);
      if (shown) return shown;
      return errorReply(
        'Upload a screenplay into this conversation (Fountain, Final Draft .fdx, PDF with text, or plain text) and I will break it down.',
      );
    }
    return analyzeShared(ctx, file);
  },
});

/** The channel's analyzed script, shown again from what was stored (named files must match). */
async function activeBreakdown(ctx: SkillContext, named: string | undefined): Promise<Reply | undefined> {
  const id = await ctx.memory.activeProjectId();
  const project = id ? await ctx.store.projects.get(id) : undefined;
  if (!project || (named && named !== project.sourceFile)) return undefined;
  return renderBreakdown(project.breakdown as unknown as Breakdown, {
    fileName: project.sourceFile,
    corrections: await roleCorrections(ctx, project.title),
  });
}

function pickFile(files: SharedFile[], name?: string): SharedFile | undefined {
  return files.find((f) => name && f.name === name) ?? files.find((f) => fileKind(f.name) === 'script') ?? files[0];
}

async function analyzeShared(ctx: SkillContext, file: SharedFile): Promise<Reply> {
  const intake = fileIntake(ctx.services.config);
  let breakdown: Breakdown;
  let bytes: Uint8Array;
  try {
    intake.admit(file);
    await ctx.progress(`Reading ${file.name}…`);
    const read = await intake.read(file);
    bytes = read.bytes;
    breakdown = await analyzeScript(bytes, file.name, { maxBytes: intake.limit(read.kind) });
  } catch (err) {
    if (err instanceof ScriptError || err instanceof FileRefusedError) {
      ctx.log.info({ file: file.name, code: err.code }, 'script refused');
      return errorReply(err.message);
    }
    throw err;
  }
  await ctx.progress(`Found ${breakdown.characters.length} characters in ${breakdown.scenes.length} scenes…`);

  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const notes = ctx.services.llm ? await roleNotes(ctx, bytes, breakdown, fileHash) : undefined;
  // Claude's quoted gender and age fill what the offline reading left unknown.
  breakdown = fillFromNotes(breakdown, notes);
  const chart = drawChart(ctx, breakdown, file.name);

  const project = projectFromBreakdown({
    id: randomUUID(),
    tenant: ctx.tenant,
    channel: ctx.memory.key,
    fileName: file.name,
    fileHash,
    breakdown,
    ...(notes ? { notes } : {}),
    createdAt: ctx.now(),
  });
  await ctx.store.projects.save(project);
  await ctx.memory.setActiveProject(project.id);
  ctx.log.info({ project: project.id, roles: project.roles.length }, 'script analyzed');
  // A revised draft keeps what the team set for its roles (kept by the script's title).
  const corrections = await roleCorrections(ctx, project.title);
  return renderBreakdown(breakdown, { fileName: file.name, corrections, ...(chart ? { chart } : {}), ...(notes ? { notes } : {}) });
}

/** Claude's notes, from the cache when this exact file was seen before. */
async function roleNotes(ctx: SkillContext, bytes: Uint8Array, b: Breakdown, hash: string): Promise<RoleNotes | undefined> {
  const cached = await ctx.store.channels.get<RoleNotes>(NOTES_CACHE, hash);
  if (cached) return cached;
  const llm = ctx.services.llm;
  if (!llm) return undefined;
  await ctx.progress('Writing casting descriptions…');
  const roles = b.characters
    .filter((c) => c.size !== 'non-speaking' && c.size !== 'background')
    .slice(0, NOTED_ROLES)
    .map((c) => c.name);
  try {
    const notes = await noteRolesWithClaude(llm, await scriptText(bytes, b.format), roles);
    await ctx.store.channels.set(NOTES_CACHE, hash, notes, NOTES_CACHE_TTL_MS);
    return notes;
  } catch (err) {
    if (!(err instanceof LlmError)) throw err;
    ctx.log.warn({ reason: err.reason }, 'claude notes unavailable; offline breakdown');
    noteDegraded(`Claude was unavailable (${err.message}): this is the offline breakdown, without casting descriptions.`);
    return undefined;
  }
}

function drawChart(ctx: SkillContext, b: Breakdown, fileName: string): FileAttachment | undefined {
  if (b.characters.length === 0 || b.scenes.length === 0) return undefined;
  try {
    const data = renderCharacterChart(b);
    return { name: `${fileName.replace(/\.[^.]+$/, '')}-characters.png`, mimeType: 'image/png', data, title: 'Characters by scene' };
  } catch (err) {
    // The chart is a convenience: the breakdown still goes out without it.
    ctx.log.error({ err }, 'chart rendering failed');
    return undefined;
  }
}
