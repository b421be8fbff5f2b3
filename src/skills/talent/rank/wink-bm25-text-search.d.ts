/** Types for wink-bm25-text-search 3.x, which ships none (only the calls CastMatch makes). */
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
    search<P>(text: string, limit?: number, filter?: (fieldValues: Record<string, string>, params: P) => boolean, params?: P): [string, number][];
    getTotalDocs(): number;
  }
  function bm25(): Bm25Engine;
  export default bm25;
}
