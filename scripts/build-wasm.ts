/**
 * `npm run build:wasm`: assembles src/integrations/vectors/simd/dot.wat into dot-wasm.ts (the module's
 * bytes as base64), so the bot needs no assembler at run time. A test assembles the source again and
 * checks the committed bytes are its output.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { assembleWat } from './assemble-wat.js';

const source = fileURLToPath(new URL('../src/integrations/vectors/simd/dot.wat', import.meta.url));
const target = fileURLToPath(new URL('../src/integrations/vectors/simd/dot-wasm.ts', import.meta.url));
const base64 = Buffer.from(await assembleWat(await readFile(source, 'utf8'), 'dot.wat')).toString('base64');
await writeFile(
  target,
  `/** Generated from dot.wat by \`npm run build:wasm\`; do not edit. */\nexport const DOT_WASM_BASE64 =\n  '${base64}';\n`,
);
process.stdout.write(`wrote ${target} (${Buffer.from(base64, 'base64').byteLength} bytes of WebAssembly)\n`);
