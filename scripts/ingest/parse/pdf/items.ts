/**
 * The contract between the PDF parser (parse/pdf.ts: pdfjs-dist text items → line nodes) and the
 * table reader (parse/pdf/tables.ts: positioned items → table rows), issue 13.
 *
 * Coordinates are in PDF user units, converted so that y grows downward from the top of the page
 * (as a reader reads); `x`/`y` is the item's top-left corner.
 */

/** One text item of a page as pdfjs-dist gives it (`getTextContent`), placed. */
export interface PdfItem {
  /** The item's text as pdfjs gives it (may hold justified spaces: "能 够 理 解"). */
  str: string;
  /** 1-based physical page. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Font size (from the item's transform), to tell running headers and footers from body text. */
  fontSize: number;
}

/**
 * A ruling line drawn on a page (a table's cell border), from the page's operator list
 * (parse/pdf/rules.ts): its box, placed as text items are. A horizontal rule is wider than high, a
 * vertical one higher than wide; a hairline may have no thickness (x0 = x1 or y0 = y1).
 */
export interface PdfRule {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A table cell: its text (items joined in reading order, wrapped lines joined) and its horizontal extent. */
export interface PdfCell {
  text: string;
  x0: number;
  x1: number;
  /**
   * The items that make the cell (their pages and positions give the cell's position). An item that
   * ran across a cell border (two cells' text touching) is parted at the border: the cell holds its
   * piece, and the reader's `used` holds the item itself.
   */
  items: PdfItem[];
}

/**
 * One table row as the text sources print it: one cell per column, left to right; a cell merged
 * vertically over several rows (a 工作领域 centred beside its tasks) has its text in the FIRST row of
 * its span and '' in the others — exactly how the tab-separated text sources print merged cells.
 */
export interface PdfTableRow {
  page: number;
  /** Top of the row on its page. */
  y: number;
  cells: PdfCell[];
  /** True for the header row (工作领域 / 工作任务 / …), including a header repeated on a later page. */
  header: boolean;
}

export interface PdfTable {
  rows: PdfTableRow[];
}

/** What readPdf read from a PDF: the parser's input (`file.data.pdf`). */
export interface PdfRead {
  /** Number of physical pages. */
  pages: number;
  /** Every non-blank text item, placed, page by page in content order. */
  items: PdfItem[];
  /** Tables read from the items' positions (parse/pdf/tables.ts). */
  tables: PdfTable[];
  /** The items the tables took: they are not read again as lines. */
  used: Set<PdfItem>;
}
