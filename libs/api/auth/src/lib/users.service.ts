import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Page, Role, UserSummary } from '@sopu/shared';
import { AuthContext, DomainError } from '@sopu/api/platform';
import { AuditService } from '@sopu/api/audit';
import { ProducerEntity } from '@sopu/api/producers';
import { hashPassword, temporaryPassword } from './passwords';
import { Sessions } from './sessions';
import { UserEntity } from './user.entity';
import { CreateUserDto, UpdateUserDto, UserQueryDto } from './users.dto';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  producer_id: string | null;
  producer_name: string | null;
  language: UserSummary['language'];
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const SUMMARY_SELECT = `
  SELECT u.id, u.email, u.display_name, u.role, u.producer_id, p.name AS producer_name,
         u.language, u.active, u.created_at, u.updated_at
    FROM app_user u LEFT JOIN producer p ON p.id = u.producer_id`;

function toSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    producerId: row.producer_id,
    producerName: row.producer_name,
    language: row.language,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The audit-log picture of a user: never the password hash. */
function auditView(user: UserEntity): Record<string, unknown> {
  return {
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    producerId: user.producerId,
    language: user.language,
    active: user.active,
  };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: Sessions,
    private readonly audit: AuditService,
  ) {}

  async list(auth: AuthContext, query: UserQueryDto): Promise<Page<UserSummary>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const where = ['u.organiser_id = $1'];
    const params: unknown[] = [auth.organiserId];
    if (query.search) {
      params.push(`%${query.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(lower(u.email) LIKE $${params.length} OR lower(u.display_name) LIKE $${params.length})`);
    }
    if (query.role) {
      params.push(query.role);
      where.push(`u.role = $${params.length}`);
    }
    if (query.active !== undefined) {
      params.push(query.active);
      where.push(`u.active = $${params.length}`);
    }
    const filter = where.join(' AND ');
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `${SUMMARY_SELECT} WHERE ${filter} ORDER BY lower(u.display_name), u.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        params,
      ) as Promise<UserRow[]>,
      this.dataSource.query(`SELECT count(*) AS total FROM app_user u WHERE ${filter}`, params) as Promise<
        { total: string }[]
      >,
    ]);
    return { items: rows.map(toSummary), total: Number(count[0].total), page, pageSize };
  }

  async create(
    auth: AuthContext,
    dto: CreateUserDto,
  ): Promise<{ user: UserSummary; temporaryPassword: string }> {
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    const email = dto.email.trim().toLowerCase();
    return this.dataSource.transaction(async (em) => {
      await this.assertProducerFitsRole(em, auth.organiserId, dto.role, dto.producerId ?? null);
      const taken = await em.query(`SELECT 1 FROM app_user WHERE lower(email) = $1`, [email]);
      if (taken.length > 0)
        throw new DomainError('EMAIL_TAKEN', {}, [{ field: 'email', problem: 'invalid' }]);
      const user = await em.save(
        UserEntity,
        em.create(UserEntity, {
          organiserId: auth.organiserId,
          email,
          displayName: dto.displayName.trim(),
          role: dto.role,
          producerId: dto.producerId ?? null,
          language: dto.language,
          active: true,
          passwordHash,
          passwordChangedAt: new Date(),
        }),
      );
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        after: auditView(user),
      });
      return { user: await this.summary(em, user.id), temporaryPassword: password };
    });
  }

  async update(auth: AuthContext, id: string, dto: UpdateUserDto): Promise<UserSummary> {
    return this.dataSource.transaction(async (em) => {
      const user = await this.requireInOrganiser(em, auth.organiserId, id);
      const before = auditView(user);
      const role = dto.role ?? user.role;
      const producerId =
        dto.producerId !== undefined ? dto.producerId : role === 'PROVIDER_REPORTER' ? user.producerId : null;
      if (user.id === auth.userId && (dto.active === false || (dto.role && dto.role !== user.role))) {
        throw new DomainError('CANNOT_DEACTIVATE_SELF');
      }
      await this.assertProducerFitsRole(em, auth.organiserId, role, producerId);
      const changes: Partial<UserEntity> = { role, producerId };
      if (dto.displayName !== undefined) changes.displayName = dto.displayName.trim();
      if (dto.language !== undefined) changes.language = dto.language;
      if (dto.active !== undefined) changes.active = dto.active;
      await em.update(UserEntity, { id }, changes);
      const after = { ...before, ...changes };
      // A deactivated account, or one whose rights changed, signs in again with what it now has.
      if (changes.active === false || role !== user.role || producerId !== user.producerId) {
        await this.sessions.revokeAllOfUser(
          em,
          id,
          changes.active === false ? 'deactivated' : 'rights_changed',
        );
      }
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: changes.active === false && user.active ? 'user.deactivate' : 'user.update',
        entityType: 'user',
        entityId: id,
        before,
        after,
      });
      return this.summary(em, id);
    });
  }

  async resetPassword(auth: AuthContext, id: string): Promise<{ temporaryPassword: string }> {
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (em) => {
      await this.requireInOrganiser(em, auth.organiserId, id);
      await em.update(UserEntity, { id }, { passwordHash, passwordChangedAt: new Date() });
      await this.sessions.revokeAllOfUser(em, id, 'password_reset');
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'user.reset_password',
        entityType: 'user',
        entityId: id,
      });
    });
    return { temporaryPassword: password };
  }

  private async requireInOrganiser(em: EntityManager, organiserId: string, id: string): Promise<UserEntity> {
    const user = await em.findOne(UserEntity, {
      where: { id, organiserId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!user) throw new DomainError('NOT_FOUND');
    return user;
  }

  private async assertProducerFitsRole(
    em: EntityManager,
    organiserId: string,
    role: Role,
    producerId: string | null,
  ): Promise<void> {
    if (role !== 'PROVIDER_REPORTER') {
      if (producerId)
        throw new DomainError('PRODUCER_NOT_ALLOWED', {}, [{ field: 'producerId', problem: 'invalid' }]);
      return;
    }
    if (!producerId)
      throw new DomainError('PRODUCER_REQUIRED', {}, [{ field: 'producerId', problem: 'isNotEmpty' }]);
    const producer = await em.findOne(ProducerEntity, { where: { id: producerId, organiserId } });
    if (!producer) throw new DomainError('NOT_FOUND', {}, [{ field: 'producerId', problem: 'invalid' }]);
  }

  private async summary(em: EntityManager, id: string): Promise<UserSummary> {
    const rows: UserRow[] = await em.query(`${SUMMARY_SELECT} WHERE u.id = $1`, [id]);
    return toSummary(rows[0]);
  }
}
