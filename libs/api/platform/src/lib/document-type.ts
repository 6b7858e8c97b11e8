/** The document types a contract may hold, recognised from their content, never from the name alone. */
export const DOCUMENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * PDF by its `%PDF-` header; DOCX and XLSX are ZIP packages whose part names (stored uncompressed
 * in the ZIP headers) include `word/document.xml` or `xl/workbook.xml`. Null for anything else.
 */
export function documentTypeOf(content: Buffer): (typeof DOCUMENT_TYPES)[keyof typeof DOCUMENT_TYPES] | null {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return DOCUMENT_TYPES.pdf;
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) {
    if (content.includes('word/document.xml', 0, 'latin1')) return DOCUMENT_TYPES.docx;
    if (content.includes('xl/workbook.xml', 0, 'latin1')) return DOCUMENT_TYPES.xlsx;
  }
  return null;
}

/** The extension the detected type must carry, so a renamed file is refused rather than mislabelled. */
export function extensionMatches(filename: string, mediaType: string): boolean {
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  return (DOCUMENT_TYPES as Record<string, string>)[extension] === mediaType;
}
