import { createHash } from 'node:crypto';
import { DOCUMENT_MAX_BYTES } from '@sopu/shared';
import { DomainError } from './domain-error';

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

/**
 * An uploaded document as the portal keeps it: at most 20 MB, not empty, a PDF, DOCX or XLSX by its
 * content with a name to match, and its SHA-256. Anything else is refused with the error a user reads.
 */
export function checkedDocument(filename: string, content: Buffer): { mediaType: string; sha256: string } {
  if (content.length > DOCUMENT_MAX_BYTES) throw new DomainError('BODY_TOO_LARGE', { limit: '20 MB' });
  if (content.length === 0)
    throw new DomainError('VALIDATION_FAILED', {}, [{ field: 'file', problem: 'isNotEmpty' }]);
  const mediaType = documentTypeOf(content);
  if (!mediaType || !extensionMatches(filename, mediaType)) throw new DomainError('UNSUPPORTED_DOCUMENT');
  return { mediaType, sha256: createHash('sha256').update(content).digest('hex') };
}
