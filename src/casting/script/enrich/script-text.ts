/** The script as plain text for the language model (the parser's structure is not needed there). */
import type { ScriptFormat } from '../parse/index.js';

export async function scriptText(bytes: Uint8Array, format: ScriptFormat): Promise<string> {
  if (format === 'pdf') {
    const { extractText, getDocumentProxy } = await import('unpdf');
    const doc = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(doc, { mergePages: true });
    return text;
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  if (format === 'fdx') {
    // Paragraph boundaries become line breaks; markup and entities go.
    return text
      .replace(/<\/Paragraph>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  }
  return text;
}
