import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from '@nestjs/common';
import { DEFAULT_LANGUAGE, Language, pickLanguage } from '@sopu/shared';

/** What every log line and audit event of one request shares. */
export interface RequestContext {
  requestId: string;
  language: Language;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

const accessLog = new Logger('HTTP');

/**
 * Express middleware: takes a sane X-Request-Id from the caller or makes one, echoes it, and logs
 * one line per API request when it ends (method, path without the query, status, duration).
 */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const offered = req.header('x-request-id');
  const requestId = offered && SAFE_REQUEST_ID.test(offered) ? offered : randomUUID();
  res.setHeader('X-Request-Id', requestId);
  const language = pickLanguage(req.header('accept-language'), DEFAULT_LANGUAGE);
  const started = process.hrtime.bigint();
  storage.run({ requestId, language }, () => {
    if (req.path.startsWith('/api/')) {
      res.on('finish', () =>
        storage.run({ requestId, language }, () =>
          accessLog.log({
            msg: 'request',
            method: req.method,
            path: req.path,
            status: res.statusCode,
            ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          }),
        ),
      );
    }
    next();
  });
}
