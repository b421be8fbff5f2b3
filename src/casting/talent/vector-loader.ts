/** Feeds the in-process index from the stored talent records of a tenant (namespace = tenant). */
import type { Store } from '../../memory/store.js';
import type { NamespaceLoader, StoredVector } from '../../integrations/vectors/memory-index.js';
import { talentMetadata } from './metadata.js';

export function talentVectorLoader(store: Pick<Store, 'talent'>): NamespaceLoader {
  return async (tenant) => {
    const records = await store.talent.list(tenant);
    const out: StoredVector[] = [];
    for (const r of records) {
      if (r.vector && r.model) out.push({ id: r.profile.id, vector: r.vector, metadata: talentMetadata(r.profile), model: r.model });
    }
    return out;
  };
}
