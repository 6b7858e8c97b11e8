import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Language, Role } from '@sopu/shared';

/**
 * Every route declares who may call it. A route without a declaration refuses everyone
 * (the global guard enforces it and a test walks the router to find undeclared routes).
 */
export type AccessPolicy =
  | { kind: 'public' }
  | {
      kind: 'roles';
      roles: readonly Role[];
      /**
       * 'producer': a PROVIDER_REPORTER may call it, and the service limits them to their own
       * producer's records; 'organiser': callers see their organiser's records.
       */
      scope: 'organiser' | 'producer';
    };

export const ACCESS_POLICY = 'sopu:access-policy';

export const Access = {
  /** Anyone, signed in or not (sign-in, health). */
  public: () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy),
  /** Staff roles of the organiser; records of the caller's organiser. */
  roles: (...roles: Role[]) =>
    SetMetadata(ACCESS_POLICY, { kind: 'roles', roles, scope: 'organiser' } satisfies AccessPolicy),
  /** Callable by the given roles; a reporter among them sees only their own producer's records. */
  producerScoped: (...roles: Role[]) =>
    SetMetadata(ACCESS_POLICY, { kind: 'roles', roles, scope: 'producer' } satisfies AccessPolicy),
};

/** The caller, as the guard established it from the session. */
export interface AuthContext {
  userId: string;
  sessionId: string;
  organiserId: string;
  role: Role;
  producerId: string | null;
  email: string;
  language: Language;
  /** Set when the caller is a producer's system using an API token. */
  apiTokenId?: string;
}

export const AUTH_CONTEXT = 'sopuAuth';

/** Controller parameter: the signed-in caller (only on routes that are not public). */
export const Auth = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthContext => {
  const req = ctx.switchToHttp().getRequest<Record<string, unknown>>();
  return req[AUTH_CONTEXT] as AuthContext;
});
