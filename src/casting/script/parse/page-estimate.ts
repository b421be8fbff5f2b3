/**
 * Page numbers for formats without pages (Fountain, plain text, FDX): each element is laid out at
 * the standard screenplay widths (Courier 12 pt, 55 lines a page) and `===` forces a new page.
 */
import type { ElementKind } from './document.js';

const LINES_PER_PAGE = 55;
const WIDTH: Record<ElementKind, number> = {
  heading: 61,
  action: 61,
  transition: 61,
  cue: 38,
  parenthetical: 25,
  dialogue: 35,
};

export class PageEstimator {
  private page: number;
  private line = 0;

  /** @param firstPage the page the body starts on (2 after a title page). */
  constructor(private readonly firstPage: number) {
    this.page = firstPage;
  }

  /** Lays out one element and returns the page it starts on. */
  place(kind: ElementKind, text: string): number {
    const height = Math.max(1, Math.ceil(text.length / WIDTH[kind]));
    if (this.line + Math.min(height, 3) > LINES_PER_PAGE) this.breakPage();
    const at = this.page;
    this.line += height;
    while (this.line > LINES_PER_PAGE) {
      this.line -= LINES_PER_PAGE;
      this.page++;
    }
    return at;
  }

  blank(): void {
    if (this.line > 0) this.line++;
  }

  breakPage(): void {
    if (this.line === 0) return;
    this.page++;
    this.line = 0;
  }

  total(): number {
    return this.line === 0 ? Math.max(this.firstPage - 1, this.page - 1) : this.page;
  }
}
