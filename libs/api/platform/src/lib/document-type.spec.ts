import { DOCUMENT_TYPES, documentTypeOf, extensionMatches } from './document-type';

const zip = (partName: string) =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(partName)]);

describe('document types', () => {
  it('recognise PDF, DOCX and XLSX from their content', () => {
    expect(documentTypeOf(Buffer.from('%PDF-1.4\n...'))).toBe(DOCUMENT_TYPES.pdf);
    expect(documentTypeOf(zip('word/document.xml'))).toBe(DOCUMENT_TYPES.docx);
    expect(documentTypeOf(zip('xl/workbook.xml'))).toBe(DOCUMENT_TYPES.xlsx);
  });

  it('refuse anything else, including a ZIP that is no Office document and text that mentions %PDF later', () => {
    expect(documentTypeOf(zip('readme.txt'))).toBeNull();
    expect(documentTypeOf(Buffer.from('hello %PDF-1.4'))).toBeNull();
    expect(documentTypeOf(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(documentTypeOf(Buffer.alloc(0))).toBeNull();
  });

  it('ask the file name to agree with the content', () => {
    expect(extensionMatches('Sopimus.PDF', DOCUMENT_TYPES.pdf)).toBe(true);
    expect(extensionMatches('sopimus.docx', DOCUMENT_TYPES.pdf)).toBe(false);
    expect(extensionMatches('hinnasto.xlsx', DOCUMENT_TYPES.xlsx)).toBe(true);
    expect(extensionMatches('ilman-paatetta', DOCUMENT_TYPES.pdf)).toBe(false);
  });
});
