/** Types for wink-bm25-text-search 3.x, which ships none: the calls of the test that uses it as CastMatch's BM25 reference. */
declare module 'wink-bm25-text-search' {
  interface Bm25Config {
    fldWeights: Record<string, number>;
    bm25Params?: { k1?: number; b?: number; k?: number };
    ovFldNames?: string[];
  }
  interface Bm25Engine {
    defineConfig(config: Bm25Config): boolean;
    definePrepTasks(tasks: ((input: never) => unknown)[], field?: string): number;
    addDoc(doc: Record<string, string>, uniqueId: string | number): number;
    consolidate(fp?: number): boolean;
    search(text: string, limit?: number): [string, number][];
  }
  function bm25(): Bm25Engine;
  export default bm25;
}
