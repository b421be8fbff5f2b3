/** Metadata kept beside a vector, for filtering before similarity. */
import { CastMatchError } from '../../errors/castmatch-error.js';
export type VectorMetadata = Record<string, string | number | boolean | string[]>;

export interface VectorMatch {
  id: string;
  score: number;
}

type Scalar = string | number | boolean;

/** One field's condition, Pinecone's filter language: a bare value means `$eq`. */
export type FieldCondition =
  | Scalar
  | {
      $eq?: Scalar;
      $ne?: Scalar;
      $in?: Scalar[];
      $nin?: Scalar[];
      $gt?: number;
      $gte?: number;
      $lt?: number;
      $lte?: number;
      $exists?: boolean;
    };

/**
 * A metadata filter in the subset of Pinecone's language that both indexes evaluate identically.
 * On a list-valued field, `$eq`/`$in` match when any element matches (Pinecone's semantics).
 */
export interface MetadataFilter {
  $and?: MetadataFilter[];
  $or?: MetadataFilter[];
  [field: string]: FieldCondition | MetadataFilter[] | undefined;
}

export interface VectorQueryOptions {
  topK: number;
  /** Allowlist: only these ids may match (the in-process index checks it before any similarity). */
  ids?: string[];
  /**
   * Allowlist given as positions in `universe`, an id list the caller keeps and reuses across
   * queries (a roster's ids in roster order). The in-process index maps the list to its own slots
   * once, instead of looking up every allowed id on every query. Other indexes may not take it.
   */
  among?: { universe: readonly string[]; picks: Int32Array };
  /** Metadata filter, applied before similarity. */
  filter?: MetadataFilter;
  /** The model that made the query vector: an index holding another model's vectors refuses the query. */
  model?: string;
}

/** A nearest-neighbour index partitioned by namespace (one per tenant). */
export interface VectorIndex {
  readonly kind: 'memory' | 'pinecone';
  upsert(namespace: string, items: { id: string; vector: Float32Array; metadata: VectorMetadata }[], model: string): Promise<void>;
  query(namespace: string, vector: Float32Array, opts: VectorQueryOptions): Promise<VectorMatch[]>;
  delete(namespace: string, ids: string[]): Promise<void>;
}

/** Vectors of two embedding models are not comparable: mixing them is refused, never silently done. */
export class VectorModelMismatchError extends CastMatchError<'vector_model_mismatch'> {
  constructor(
    readonly namespace: string,
    readonly indexModel: string,
    readonly requestedModel: string,
  ) {
    super(
      'vector_model_mismatch',
      `The talent index for ${namespace} holds vectors of model ${indexModel} but was asked to use ${requestedModel}; ` +
        're-import the roster to re-embed it with the configured model',
      { audience: 'user' },
    );
  }
}

/** The vector service failed or answered something unusable. */
export class VectorIndexError extends CastMatchError<'vector_index_failed'> {
  constructor(message: string, options?: { cause?: unknown }) {
    super('vector_index_failed', message, options);
  }
}
