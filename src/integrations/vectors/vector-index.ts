/** Metadata kept beside a vector, for filtering before similarity. */
export type VectorMetadata = Record<string, string | number | boolean | string[]>;

export interface VectorMatch { id: string; score: number }

/** A nearest-neighbour index partitioned by namespace (one per tenant). */
export interface VectorIndex {
  readonly kind: 'memory' | 'pinecone';
  upsert(namespace: string, items: { id: string; vector: Float32Array; metadata: VectorMetadata }[], model: string): Promise<void>;
  query(namespace: string, vector: Float32Array, opts: { topK: number; ids?: string[] }): Promise<VectorMatch[]>;
  delete(namespace: string, ids: string[]): Promise<void>;
}
