import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { ACCESS_POLICY, AUTH_CONTEXT, AccessPolicy, DomainError } from '@sopu/api/platform';
import { SESSION_COOKIE, XSRF_COOKIE, XSRF_HEADER } from './auth-options';
import { API_TOKEN_PREFIX } from '@sopu/shared';
import { ApiTokens } from './api-tokens';
import { AuthController } from './auth.controller';
import { Sessions } from './sessions';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Default deny: a route without an access declaration refuses everyone. Then the caller is
 * established from the bearer token or the session cookie, cookie calls that change things must
 * carry the XSRF header, and the caller's role must be one the route names.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: Sessions,
    private readonly apiTokens: ApiTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy) throw new DomainError('FORBIDDEN');
    if (policy.kind === 'public') return true;

    const req = context.switchToHttp().getRequest<Request & Record<string, unknown>>();
    const bearer = /^Bearer\s+(.+)$/i.exec(req.header('authorization') ?? '')?.[1];
    const cookies = (req.cookies ?? {}) as Record<string, string | undefined>;
    const token = bearer ?? cookies[SESSION_COOKIE];
    if (!token) throw new DomainError('NOT_SIGNED_IN');
    const auth =
      bearer?.startsWith(API_TOKEN_PREFIX) === true
        ? await this.apiTokens.authenticate(bearer)
        : await this.sessions.authenticate(token);
    if (!auth) throw new DomainError('NOT_SIGNED_IN');
    req[AUTH_CONTEXT] = auth;

    if (
      !bearer &&
      !SAFE_METHODS.has(req.method) &&
      (fromAnotherOrigin(req) || !sameToken(cookies[XSRF_COOKIE], req.header(XSRF_HEADER)))
    ) {
      throw new DomainError('CSRF_FAILED');
    }
    if (!policy.roles.includes(auth.role)) throw new DomainError('FORBIDDEN');
    // A system's token works on the data, never on a person's account (password, language, sign-out).
    if (auth.apiTokenId && context.getClass() === AuthController) throw new DomainError('FORBIDDEN');
    return true;
  }
}

/**
 * Browsers name the page a write comes from. SameSite=Strict keeps the cookie off other sites'
 * requests but not off a sibling subdomain's, so a write whose Origin is not this server is refused
 * even when it carries a token. No Origin (a non-browser client, an old browser) leaves the
 * double-submit token to decide. `req.host` follows X-Forwarded-Host only when the proxy is trusted.
 */
function fromAnotherOrigin(req: Request): boolean {
  const origin = req.header('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.host;
  } catch {
    // "null" (a sandboxed frame, a file) or garbage: not this server.
    return true;
  }
}

function sameToken(cookie: string | undefined, header: string | undefined): boolean {
  if (!cookie || !header || cookie.length !== header.length) return false;
  return timingSafeEqual(Buffer.from(cookie), Buffer.from(header));
}
