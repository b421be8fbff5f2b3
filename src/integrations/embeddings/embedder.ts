/** Turns text into vectors. Implementations: Universal Sentence Encoder (default), Pinecone-hosted, hashed (tests). */
export interface Embedder {
  /** Model id recorded next to every stored vector; vectors of two models never mix. */
  readonly model: string;
  readonly dimensions: number;
  embed(texts: string[]): Promise<Float32Array[]>;
}
