import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Language, Role } from '@sopu/shared';
import { AuthContext } from '@sopu/api/platform';
import { AUTH_OPTIONS, AuthOptions } from './auth-options';
import { SigningSecret } from './signing-secret';
import { SessionEntity } from './user.entity';

interface TokenClaims {
  sub: string;
  sid: string;
}

export interface IssuedSession {
  accessToken: string;
  expiresAt: Date;
}

/**
 * Sessions live in PostgreSQL; the access token is a signed reference to one. Checking the row on
 * every request is what lets a token die at once on sign-out, password change and deactivation.
 */
@Injectable()
export class Sessions {
  private readonly jwt = new JwtService({});

  constructor(
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    private readonly secret: SigningSecret,
    private readonly dataSource: DataSource,
  ) {}

  async issue(em: EntityManager, user: { id: string; organiserId: string }): Promise<IssuedSession> {
    const expiresAt = new Date(Date.now() + this.options.sessionHours * 3_600_000);
    const session = await em.save(
      SessionEntity,
      em.create(SessionEntity, { userId: user.id, organiserId: user.organiserId, expiresAt }),
    );
    const accessToken = await this.jwt.signAsync({ sub: user.id, sid: session.id } satisfies TokenClaims, {
      secret: await this.secret.get(),
      algorithm: 'HS256',
      expiresIn: this.options.sessionHours * 3600,
    });
    return { accessToken, expiresAt };
  }

  /** The caller behind a token, or null when the token is forged, expired or its session ended. */
  async authenticate(token: string): Promise<AuthContext | null> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, {
        secret: await this.secret.get(),
        algorithms: ['HS256'],
      });
    } catch {
      return null;
    }
    if (typeof claims.sid !== 'string' || typeof claims.sub !== 'string') return null;
    const rows: {
      organiser_id: string;
      role: Role;
      producer_id: string | null;
      email: string;
      language: Language;
    }[] = await this.dataSource.query(
      `SELECT u.organiser_id, u.role, u.producer_id, u.email, u.language
         FROM auth_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [claims.sid, claims.sub],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      userId: claims.sub,
      sessionId: claims.sid,
      organiserId: row.organiser_id,
      role: row.role,
      producerId: row.producer_id,
      email: row.email,
      language: row.language,
    };
  }

  async revoke(em: EntityManager, sessionId: string, reason: string): Promise<void> {
    await em.update(
      SessionEntity,
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokeReason: reason },
    );
  }

  async revokeAllOfUser(em: EntityManager, userId: string, reason: string): Promise<void> {
    await em.update(
      SessionEntity,
      { userId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokeReason: reason },
    );
  }
}
