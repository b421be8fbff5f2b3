/** Minimal PDFs written by hand, for the inputs no screenwriting app would produce. */

/** Assembles numbered objects into a PDF with a correct cross-reference table. */
function assemble(objects: string[], trailerExtra = ''): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

function page(stream: string, withFont: boolean): string[] {
  return [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R${withFont ? ' /Resources << /Font << /F1 5 0 R >> >>' : ''} >>`,
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
}

/** A one-page "scan": a filled rectangle and no text at all. */
export function imageOnlyPdf(): Uint8Array {
  return assemble(page('0.5 g 72 72 468 648 re f', false));
}

/** A PDF with real text, for checking that a small valid PDF is read. */
export function textPdf(lines: string[]): Uint8Array {
  const body = lines.map((l, i) => `BT /F1 12 Tf 108 ${708 - i * 12} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
  return assemble([...page(body, true), '<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>']);
}

/** Encrypted with the standard handler and a user password (its check value matches no empty password). */
export function encryptedPdf(): Uint8Array {
  const hex32 = (c: string) => c.repeat(64);
  const objects = [
    ...page('BT /F1 12 Tf 72 700 Td (secret) Tj ET', true),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex32('a')}> /U <${hex32('b')}> /P -44 >>`,
  ];
  return assemble(objects, `/Encrypt 6 0 R /ID [<${'1'.repeat(32)}> <${'1'.repeat(32)}>] `);
}

/** `pages` pages sharing one line of text: a file built to make a reader go through every page. */
export function manyPagesPdf(pages: number): Uint8Array {
  const first = 5;
  const kids = Array.from({ length: pages }, (_, i) => `${first + i} 0 R`).join(' ');
  const stream = 'BT /F1 12 Tf 108 700 Td (INT. ROOM - DAY) Tj ET';
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>',
    ...Array.from(
      { length: pages },
      () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>',
    ),
  ]);
}
