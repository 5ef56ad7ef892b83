/**
 * The 引用清单 as a Word file, made in the browser with the `docx` library from the blocks of
 * src/lib/memo/export.ts docxBlocks. Loaded only when a reader asks for a .docx (a dynamic import from
 * memo-page.ts, so the library is a chunk of its own).
 */
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { DocxBlock } from '../lib/memo/export.ts';

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };

function paragraph(block: DocxBlock): Paragraph {
  switch (block.type) {
    case 'title':
      return new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: block.text, font: FONT })] });
    case 'meta':
      return new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: block.text, color: '666666', size: 18, font: FONT })] });
    case 'heading':
      return new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 360 }, children: [new TextRun({ text: block.text, font: FONT })] });
    case 'cite':
      return new Paragraph({
        spacing: { after: 120 },
        children: [new ExternalHyperlink({ link: block.url, children: [new TextRun({ text: block.text, style: 'Hyperlink', font: FONT })] })],
      });
    case 'note':
      return new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: block.text, italics: true, font: FONT })] });
    case 'reference':
      return new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text: block.text, font: FONT })] });
    case 'text':
      return new Paragraph({ children: [new TextRun({ text: block.text, font: FONT })] });
  }
}

export async function docxBlob(blocks: readonly DocxBlock[]): Promise<Blob> {
  const doc = new Document({
    creator: '1+X 政策知识库',
    title: '引用清单',
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [{ children: blocks.map(paragraph) }],
  });
  return Packer.toBlob(doc);
}
