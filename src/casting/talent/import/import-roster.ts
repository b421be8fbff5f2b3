/**
 * Imports a roster file into a tenant: parse and validate, embed only new or changed people, write
 * the vectors to the index, then upsert the records in one transaction. The index is written first:
 * if the database write then fails, nothing is recorded as imported and a re-import redoes both
 * (orphan vectors are ignored by search, which only considers stored people). A file that fails as
 * a whole writes nothing.
 */
import type { Logger } from 'pino';
import type { Store } from '../../../memory/store.js';
import type { TalentRecord } from '../../../memory/records.js';
import type { Embedder } from '../../../integrations/embeddings/embedder.js';
import type { VectorIndex } from '../../../integrations/vectors/vector-index.js';
import { talentMetadata } from '../metadata.js';
import { parseRoster, type RosterRejection } from './parse-roster.js';
import { contentHash, embeddingText } from './content-hash.js';
import { invalidateRoster } from '../roster-cache.js';

export interface ImportDeps {
  store: Store;
  embedder: Embedder;
  vectors: VectorIndex;
  log: Logger;
  now?: () => Date;
}

export interface ImportResult {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: RosterRejection[];
  /** Set when the whole file was refused; nothing was written. */
  fatal?: string;
  /** People not in this file re-embedded because the embedding model changed. */
  reembedded?: number;
}

export async function importRoster(deps: ImportDeps, tenant: string, bytes: Uint8Array, fileName: string): Promise<ImportResult> {
  const log = deps.log.child({ tenant, file: fileName });
  const parsed = await parseRoster(bytes, fileName);
  if (parsed.fatal) {
    log.warn({ reason: parsed.fatal }, 'roster refused');
    return { inserted: 0, updated: 0, unchanged: 0, rejected: parsed.rejected, fatal: parsed.fatal };
  }
  const model = deps.embedder.model;
  const existing = new Map((await deps.store.talent.list(tenant)).map((r) => [r.profile.id, r]));
  const modelSwitch = [...existing.values()].some((r) => r.model !== undefined && r.model !== model);
  const now = deps.now?.() ?? new Date();

  const pending: TalentRecord[] = [];
  let unchanged = 0;
  for (const profile of parsed.profiles) {
    const hash = contentHash(profile, model);
    if (existing.get(profile.id)?.contentHash === hash) unchanged++;
    else pending.push({ tenant, profile, contentHash: hash, updatedAt: now });
  }
  // Vectors of two models never mix: after a model switch everyone is re-embedded, not only this file.
  const inFile = new Set(parsed.profiles.map((p) => p.id));
  const others = modelSwitch
    ? [...existing.values()]
        .filter((r) => !inFile.has(r.profile.id))
        .map((r): TalentRecord => ({ tenant, profile: r.profile, contentHash: contentHash(r.profile, model), updatedAt: now }))
    : [];
  const toWrite = [...pending, ...others];

  if (toWrite.length > 0) {
    const vectors = await deps.embedder.embed(toWrite.map((r) => embeddingText(r.profile)));
    toWrite.forEach((r, i) => {
      r.vector = vectors[i]!;
      r.model = model;
    });
    if (modelSwitch) await deps.vectors.delete(tenant, [...existing.keys()]);
    await deps.vectors.upsert(
      tenant,
      toWrite.map((r) => ({ id: r.profile.id, vector: r.vector!, metadata: talentMetadata(r.profile) })),
      model,
    );
  }
  const counts = await deps.store.talent.upsertMany(toWrite);
  invalidateRoster(tenant);

  const result: ImportResult = {
    inserted: counts.inserted,
    updated: counts.updated - others.length,
    unchanged: unchanged + counts.unchanged,
    rejected: parsed.rejected,
    ...(others.length ? { reembedded: others.length } : {}),
  };
  // Counts only: rows and reasons can hold personal data.
  log.info(
    { inserted: result.inserted, updated: result.updated, unchanged: result.unchanged, rejected: result.rejected.length, model },
    'roster imported',
  );
  return result;
}
