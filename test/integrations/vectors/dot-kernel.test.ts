/** The committed WebAssembly of the vector index is what its source assembles to. */
import { readFile } from 'node:fs/promises';
import { assembleWat } from '../../../scripts/assemble-wat.js';
import { DOT_WASM_BASE64 } from '../../../src/integrations/vectors/simd/dot-wasm.js';

test('dot-wasm.ts holds the assembled dot.wat (run `npm run build:wasm` after editing the .wat)', async () => {
  const source = await readFile('src/integrations/vectors/simd/dot.wat', 'utf8');
  const assembled = Buffer.from(await assembleWat(source, 'dot.wat')).toString('base64');
  expect(DOT_WASM_BASE64).toBe(assembled);
});
