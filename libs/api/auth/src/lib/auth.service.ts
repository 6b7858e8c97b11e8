import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser, LoginResponse } from '@sopu/shared';
import { AuthContext, DomainError } from '@sopu/api/platform';
import { AuditService } from '@sopu/api/audit';
import { loadAuthUser } from './auth-user-view';
import { ChangePasswordDto, LoginDto, UpdateMeDto } from './auth.dto';
import { LoginThrottle } from './login-throttle';
import { hashPassword, verifyPassword } from './passwords';
import { Sessions } from './sessions';
import { UserEntity } from './user.entity';

// Verified against when the account does not exist, so that a wrong email costs as long as a wrong password.
const DUMMY_HASH = hashPassword('sopu-timing-equaliser');

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottle,
    private readonly sessions: Sessions,
    private readonly audit: AuditService,
  ) {}

  async login(dto: LoginDto, address: string): Promise<LoginResponse> {
    const email = dto.email.trim().toLowerCase();
    await this.throttle.assertAllowed(email, address);
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :email', { email })
      .getOne();
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), dto.password);
    if (!user || !passwordOk || !user.active) {
      await this.throttle.recordFailure(email, address);
      throw new DomainError('INVALID_CREDENTIALS');
    }
    await this.throttle.clearAccount(email);
    return this.dataSource.transaction(async (em) => {
      const issued = await this.sessions.issue(em, user);
      await this.audit.record(em, {
        organiserId: user.organiserId,
        actor: { userId: user.id, email: user.email },
        action: 'auth.sign_in',
        entityType: 'user',
        entityId: user.id,
      });
      const view = await loadAuthUser(em, user.id);
      return {
        accessToken: issued.accessToken,
        expiresAt: issued.expiresAt.toISOString(),
        user: view as AuthUser,
      };
    });
  }

  async logout(auth: AuthContext): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await this.sessions.revoke(em, auth.sessionId, 'sign_out');
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'auth.sign_out',
        entityType: 'user',
        entityId: auth.userId,
      });
    });
  }

  async me(auth: AuthContext): Promise<AuthUser> {
    const user = await loadAuthUser(this.dataSource.manager, auth.userId);
    if (!user) throw new DomainError('NOT_SIGNED_IN');
    return user;
  }

  async updateMe(auth: AuthContext, dto: UpdateMeDto): Promise<AuthUser> {
    return this.dataSource.transaction(async (em) => {
      const before = await em.findOneByOrFail(UserEntity, { id: auth.userId });
      const changes: Partial<UserEntity> = {};
      if (dto.language !== undefined) changes.language = dto.language;
      if (dto.displayName !== undefined) changes.displayName = dto.displayName.trim();
      if (Object.keys(changes).length > 0) {
        await em.update(UserEntity, { id: auth.userId }, changes);
        await this.audit.record(em, {
          organiserId: auth.organiserId,
          actor: auth,
          action: 'user.update_self',
          entityType: 'user',
          entityId: auth.userId,
          before: { language: before.language, displayName: before.displayName },
          after: changes,
        });
      }
      return (await loadAuthUser(em, auth.userId)) as AuthUser;
    });
  }

  /** A new password ends every session of the user, this one too; the answer carries a new one. */
  async changePassword(auth: AuthContext, dto: ChangePasswordDto): Promise<LoginResponse> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: auth.userId })
      .getOneOrFail();
    if (!(await verifyPassword(user.passwordHash, dto.currentPassword))) {
      throw new DomainError('WRONG_CURRENT_PASSWORD');
    }
    const passwordHash = await hashPassword(dto.newPassword);
    return this.dataSource.transaction(async (em) => {
      await em.update(UserEntity, { id: user.id }, { passwordHash, passwordChangedAt: new Date() });
      await this.sessions.revokeAllOfUser(em, user.id, 'password_change');
      await this.audit.record(em, {
        organiserId: user.organiserId,
        actor: auth,
        action: 'user.change_password',
        entityType: 'user',
        entityId: user.id,
      });
      const issued = await this.sessions.issue(em, user);
      const view = (await loadAuthUser(em, user.id)) as AuthUser;
      return { accessToken: issued.accessToken, expiresAt: issued.expiresAt.toISOString(), user: view };
    });
  }
}
