/** WebAssembly text to binary, with SIMD, through wabt (the WebAssembly project's own toolkit). */
import wabtInit from 'wabt';

export async function assembleWat(text: string, name: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat(name, text, { simd: true });
  try {
    parsed.validate();
    return parsed.toBinary({}).buffer;
  } finally {
    parsed.destroy();
  }
}
