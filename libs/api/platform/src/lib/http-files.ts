import type { Request, Response } from 'express';
import { DomainError } from './domain-error';

/** Reads the raw request body up to the limit; a larger one is refused without reading it all. */
export function readBody(req: Request, limit: number): Promise<Buffer> {
  const shown = `${Math.round(limit / (1024 * 1024))} MB`;
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new DomainError('BODY_TOO_LARGE', { limit: shown }));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new DomainError('BODY_TOO_LARGE', { limit: shown }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A stored file as an attachment download, with its SHA-256 so the receiver can check it. */
export function sendFile(
  res: Response,
  file: { filename: string; mediaType: string; sha256: string; content: Buffer },
): void {
  res.setHeader('content-type', file.mediaType);
  res.setHeader('content-length', String(file.content.length));
  res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
  res.setHeader('x-content-sha256', file.sha256);
  res.end(file.content);
}
