import type { INestApplication } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { ApiError, errorMessage, FieldProblem, fieldMessage, pickLanguage } from '@sopu/shared';
import { currentRequestContext, requestContextMiddleware } from './request-context';
import { httpStatusOf } from './domain-error';

export const BODY_LIMIT = '1mb';

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

/** Deeper than any body the API reads; 10,000 levels would overflow the validator's recursion. */
export const BODY_MAX_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface BodyProblem {
  depth?: true;
  field?: string;
  problem?: FieldProblem;
}

/**
 * Walks a parsed JSON body without recursion and finds what no route may accept: nesting deeper
 * than BODY_MAX_DEPTH, a prototype key, a NUL byte (PostgreSQL text cannot hold it) or a lone
 * surrogate (it would be stored as U+FFFD, not as sent).
 */
export function bodyProblem(body: unknown): BodyProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { field: path, problem: 'noControlCharacters' };
      if (LONE_SURROGATE.test(value)) return { field: path, problem: 'malformedText' };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= BODY_MAX_DEPTH) return { depth: true };
    for (const [key, item] of Object.entries(value)) {
      const field = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && FORBIDDEN_KEYS.has(key)) return { field, problem: 'unknownField' };
      if (LONE_SURROGATE.test(key)) return { field, problem: 'malformedText' };
      stack.push({ value: item, path: field, depth: depth + 1 });
    }
  }
  return null;
}

/** Refuses a parsed body that bodyProblem finds fault with, before any route sees it. */
function bodyGuard(req: Request, res: Response, next: NextFunction): void {
  const found = bodyProblem(req.body);
  if (!found) return next();
  const language = pickLanguage(req.header('accept-language'));
  const code = found.depth ? 'BODY_TOO_DEEP' : 'VALIDATION_FAILED';
  const body: ApiError = {
    statusCode: httpStatusOf(code),
    code,
    message: errorMessage(code, language, { limit: BODY_MAX_DEPTH }),
    requestId: currentRequestContext()?.requestId,
  };
  if (found.problem && found.field !== undefined)
    body.fields = [
      {
        field: found.field,
        problem: found.problem,
        message: `${found.field}: ${fieldMessage(found.problem, language)}`,
      },
    ];
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
  app.use(bodyGuard);
}
