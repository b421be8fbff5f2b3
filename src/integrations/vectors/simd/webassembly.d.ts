/**
 * The part of the WebAssembly JavaScript API the vector index uses. TypeScript declares WebAssembly
 * only in its DOM library, which a Node program should not load, and @types/node 20 leaves it out.
 */
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Memory {
    constructor(descriptor: { initial: number; maximum?: number });
    readonly buffer: ArrayBuffer;
    /** Adds `pages` pages of 64 KiB; returns the previous size in pages. */
    grow(pages: number): number;
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
}
