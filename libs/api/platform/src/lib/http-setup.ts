import type { INestApplication } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { ApiError, errorMessage, pickLanguage } from '@sopu/shared';
import { currentRequestContext, requestContextMiddleware } from './request-context';
import { httpStatusOf } from './domain-error';

export const BODY_LIMIT = '1mb';
/** Far deeper than any request the API takes; deeper bodies would only exhaust the validator's stack. */
export const BODY_MAX_DEPTH = 32;

interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * Body parsing runs before Nest's filters can see its errors, so its two refusals
 * (too large, not JSON) are answered here in the same JSON shape as every other error.
 */
function bodyParserErrors(error: BodyParserError, req: Request, res: Response, next: NextFunction): void {
  const code =
    error.type === 'entity.too.large'
      ? 'BODY_TOO_LARGE'
      : error.type === 'entity.parse.failed'
        ? 'MALFORMED_JSON'
        : null;
  if (!code) return next(error);
  const language = pickLanguage(req.header('accept-language'));
  const body: ApiError = {
    statusCode: httpStatusOf(code),
    code,
    message: errorMessage(code, language, { limit: '1 MB' }),
    requestId: currentRequestContext()?.requestId,
  };
  res.status(body.statusCode).json(body);
}

/** How deeply a parsed body nests, counted without recursion so that the count itself cannot overflow. */
function nestingDepth(body: unknown, limit: number): number {
  const stack: [unknown, number][] = [[body, 0]];
  let deepest = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (value === null || typeof value !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function refuseDeepBodies(req: Request, res: Response, next: NextFunction): void {
  if (nestingDepth(req.body, BODY_MAX_DEPTH) <= BODY_MAX_DEPTH) return next();
  const body: ApiError = {
    statusCode: httpStatusOf('JSON_TOO_DEEP'),
    code: 'JSON_TOO_DEEP',
    message: errorMessage('JSON_TOO_DEEP', pickLanguage(req.header('accept-language')), {
      depth: BODY_MAX_DEPTH,
    }),
    requestId: currentRequestContext()?.requestId,
  };
  res.status(body.statusCode).json(body);
}

/** Express-level setup shared by the server and the tests, so both see the same HTTP behaviour. */
export function applyHttpSetup(app: INestApplication, options: { trustProxy: boolean }): void {
  const instance = app.getHttpAdapter().getInstance() as express.Express;
  instance.disable('x-powered-by');
  if (options.trustProxy) instance.set('trust proxy', true);
  app.use(requestContextMiddleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Angular Material and the component styles inject style elements at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          fontSrc: ["'self'", 'data:'],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      // The same as frame-ancestors 'none', for browsers that only know the older header.
      xFrameOptions: { action: 'deny' },
      // The portal is served over plain HTTP on localhost in development; HSTS belongs to the TLS proxy.
      strictTransportSecurity: false,
    }),
  );
  app.use(cookieParser());
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  app.use(bodyParserErrors);
  app.use(refuseDeepBodies);
}
