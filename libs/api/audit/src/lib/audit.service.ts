import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditEventView, Page } from '@sopu/shared';
import { AuthContext, currentRequestContext } from '@sopu/api/platform';
import { AuditEventEntity } from './audit-event.entity';
import { AuditQueryDto } from './audit.dto';

export interface AuditRecord {
  organiserId: string;
  /** The signed-in caller; absent for the system (seeds, scheduled work) and failed sign-ins. */
  actor?: Pick<AuthContext, 'userId' | 'email'> | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  /** Writes the event with `em`, so it commits or rolls back with the change it describes. */
  async record(em: EntityManager, record: AuditRecord): Promise<void> {
    await em.query(
      `INSERT INTO audit_event (organiser_id, actor_id, actor_email, action, entity_type, entity_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        record.organiserId,
        record.actor?.userId ?? null,
        record.actor?.email ?? null,
        record.action,
        record.entityType,
        record.entityId ?? null,
        record.before === undefined ? null : JSON.stringify(record.before),
        record.after === undefined ? null : JSON.stringify(record.after),
        currentRequestContext()?.requestId ?? null,
      ],
    );
  }

  async list(auth: AuthContext, query: AuditQueryDto): Promise<Page<AuditEventView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const qb = this.events
      .createQueryBuilder('e')
      .where('e.organiser_id = :organiserId', { organiserId: auth.organiserId });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: query.actorId });
    if (query.from) qb.andWhere('e.occurred_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.occurred_at < :to', { to: query.to });
    const [rows, total] = await qb
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return {
      items: rows.map((row) => ({
        id: row.id,
        occurredAt: row.occurredAt.toISOString(),
        actorId: row.actorId,
        actorEmail: row.actorEmail,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        before: row.before,
        after: row.after,
        requestId: row.requestId,
      })),
      total,
      page,
      pageSize,
    };
  }
}
