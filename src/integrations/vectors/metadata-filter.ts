/** Evaluates a MetadataFilter against one item's metadata, as Pinecone would. */
import type { FieldCondition, MetadataFilter, VectorMetadata } from './vector-index.js';

type Value = VectorMetadata[string] | undefined;

export function matchesFilter(meta: VectorMetadata, filter: MetadataFilter): boolean {
  for (const [key, cond] of Object.entries(filter)) {
    if (cond === undefined) continue;
    if (key === '$and') {
      if (!(cond as MetadataFilter[]).every((f) => matchesFilter(meta, f))) return false;
      continue;
    }
    if (key === '$or') {
      if (!(cond as MetadataFilter[]).some((f) => matchesFilter(meta, f))) return false;
      continue;
    }
    if (!matchesField(meta[key], cond as FieldCondition)) return false;
  }
  return true;
}

function matchesField(value: Value, cond: FieldCondition): boolean {
  if (typeof cond !== 'object') return eq(value, cond);
  if (cond.$exists !== undefined && (value !== undefined) !== cond.$exists) return false;
  if (cond.$eq !== undefined && !eq(value, cond.$eq)) return false;
  if (cond.$ne !== undefined && eq(value, cond.$ne)) return false;
  if (cond.$in !== undefined && !cond.$in.some((c) => eq(value, c))) return false;
  if (cond.$nin !== undefined && cond.$nin.some((c) => eq(value, c))) return false;
  if (cond.$gt !== undefined && !(typeof value === 'number' && value > cond.$gt)) return false;
  if (cond.$gte !== undefined && !(typeof value === 'number' && value >= cond.$gte)) return false;
  if (cond.$lt !== undefined && !(typeof value === 'number' && value < cond.$lt)) return false;
  if (cond.$lte !== undefined && !(typeof value === 'number' && value <= cond.$lte)) return false;
  return true;
}

function eq(value: Value, target: string | number | boolean): boolean {
  return Array.isArray(value) ? value.includes(String(target)) : value === target;
}
