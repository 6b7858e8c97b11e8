import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { ServiceDescription } from '@sopu/shared';
import { AuthContext, DomainError, FieldIssue, organiserRow, trimmed } from '@sopu/api/platform';
import { AuditService } from '@sopu/api/audit';
import { missingLanguages, missingTextFields } from '../localized-text';
import { ServiceDescriptionEntity } from './service-description.entity';
import {
  CreateServiceDescriptionDto,
  ServiceDescriptionQueryDto,
  UpdateServiceDescriptionDto,
} from './service-descriptions.dto';

const TEXT_FIELDS = ['name', 'description', 'inclusions', 'targetGroup'] as const;

export function toServiceDescription(entity: ServiceDescriptionEntity): ServiceDescription {
  return {
    id: entity.id,
    code: entity.code,
    version: entity.version,
    status: entity.status,
    area: entity.area,
    outputUnit: entity.outputUnit,
    name: entity.name,
    description: entity.description,
    inclusions: entity.inclusions,
    targetGroup: entity.targetGroup,
    missingLanguages: missingLanguages(TEXT_FIELDS.map((field) => entity[field])),
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

/** Every empty text of a description, as fields (`name.sv`): what publishing refuses. */
export function missingDescriptionTexts(entity: ServiceDescriptionEntity, prefix = ''): string[] {
  return TEXT_FIELDS.flatMap((field) => missingTextFields(`${prefix}${field}`, entity[field]));
}

/** The audit-log picture of a description version: what a reader sees, without ids and times. */
function auditView(entity: ServiceDescriptionEntity): Record<string, unknown> {
  const {
    id: _id,
    missingLanguages: _missing,
    createdAt: _c,
    updatedAt: _u,
    ...view
  } = toServiceDescription(entity);
  return view;
}

/** Reporters see what is in force or was: never a draft. */
const visibleTo = (auth: AuthContext) => (auth.role === 'PROVIDER_REPORTER' ? `AND status <> 'DRAFT'` : '');

@Injectable()
export class ServiceDescriptionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The latest version of each code (for a reporter, the latest that is not a draft). */
  async list(auth: AuthContext, query: ServiceDescriptionQueryDto): Promise<ServiceDescription[]> {
    const params: unknown[] = [auth.organiserId];
    const where: string[] = [];
    if (query.search) {
      params.push(`%${query.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const p = `$${params.length}`;
      where.push(
        `(lower(code) LIKE ${p} OR lower(name->>'fi') LIKE ${p} OR lower(name->>'sv') LIKE ${p} OR lower(name->>'en') LIKE ${p})`,
      );
    }
    if (query.area) {
      params.push(query.area);
      where.push(`area = $${params.length}`);
    }
    if (query.status) {
      params.push(query.status);
      where.push(`status = $${params.length}`);
    }
    const ids: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM (
         SELECT DISTINCT ON (code) * FROM service_description
          WHERE organiser_id = $1 ${visibleTo(auth)}
          ORDER BY code, version DESC) latest
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      params,
    );
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(ServiceDescriptionEntity).find({
      where: { organiserId: auth.organiserId, id: In(ids.map((row) => row.id)) },
      order: { code: 'ASC' },
    });
    return rows
      .map(toServiceDescription)
      .filter((d) => !query.missingLanguage || d.missingLanguages.includes(query.missingLanguage));
  }

  async get(auth: AuthContext, id: string): Promise<ServiceDescription> {
    return toServiceDescription(await this.requireVisible(this.dataSource.manager, auth, id));
  }

  /** Every version of the description's code, newest first; old versions stay readable. */
  async versions(auth: AuthContext, id: string): Promise<ServiceDescription[]> {
    const one = await this.requireVisible(this.dataSource.manager, auth, id);
    const rows = await this.dataSource.getRepository(ServiceDescriptionEntity).find({
      where: { organiserId: auth.organiserId, code: one.code },
      order: { version: 'DESC' },
    });
    return rows
      .filter((row) => auth.role !== 'PROVIDER_REPORTER' || row.status !== 'DRAFT')
      .map(toServiceDescription);
  }

  async create(auth: AuthContext, dto: CreateServiceDescriptionDto): Promise<ServiceDescription> {
    return this.dataSource.transaction(async (em) => {
      const taken = await em.findOne(ServiceDescriptionEntity, {
        where: { organiserId: auth.organiserId, code: dto.code },
      });
      if (taken)
        throw new DomainError('CODE_TAKEN', { code: dto.code }, [{ field: 'code', problem: 'taken' }]);
      const saved = await em.save(
        ServiceDescriptionEntity,
        em.create(ServiceDescriptionEntity, {
          organiserId: auth.organiserId,
          code: dto.code,
          version: 1,
          status: 'DRAFT',
          area: dto.area,
          outputUnit: dto.outputUnit,
          name: trimmed(dto.name),
          description: trimmed(dto.description),
          inclusions: trimmed(dto.inclusions),
          targetGroup: trimmed(dto.targetGroup),
          publishedAt: null,
        }),
      );
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'catalogue.service_description.create',
        entityType: 'service_description',
        entityId: saved.id,
        after: auditView(saved),
      });
      return toServiceDescription(saved);
    });
  }

  /**
   * A draft is edited in place. A published version is never changed: the change becomes a new
   * draft version (`created` tells the controller to answer 201), and the published one stays in force.
   */
  async update(
    auth: AuthContext,
    id: string,
    dto: UpdateServiceDescriptionDto,
  ): Promise<{ description: ServiceDescription; created: boolean }> {
    return this.dataSource.transaction(async (em) => {
      const current = await organiserRow(em, ServiceDescriptionEntity, auth, id, { lock: true });
      if (current.status === 'RETIRED') throw new DomainError('VERSION_RETIRED');
      if (dto.code !== undefined && dto.code !== current.code) {
        const taken = await em.findOne(ServiceDescriptionEntity, {
          where: { organiserId: auth.organiserId, code: dto.code },
        });
        if (taken || current.version > 1)
          throw new DomainError('CODE_TAKEN', { code: dto.code }, [{ field: 'code', problem: 'taken' }]);
      }
      const changes: Partial<ServiceDescriptionEntity> = {};
      if (dto.code !== undefined) changes.code = dto.code;
      if (dto.area !== undefined) changes.area = dto.area;
      if (dto.outputUnit !== undefined) changes.outputUnit = dto.outputUnit;
      for (const field of TEXT_FIELDS) if (dto[field] !== undefined) changes[field] = trimmed(dto[field]);

      if (current.status === 'DRAFT') {
        const before = auditView(current);
        Object.assign(current, changes);
        const saved = await em.save(ServiceDescriptionEntity, current);
        await this.audit.record(em, {
          organiserId: auth.organiserId,
          actor: auth,
          action: 'catalogue.service_description.update',
          entityType: 'service_description',
          entityId: id,
          before,
          after: auditView(saved),
        });
        return { description: toServiceDescription(saved), created: false };
      }

      if (changes.code !== undefined && changes.code !== current.code)
        throw new DomainError('CODE_TAKEN', { code: changes.code }, [{ field: 'code', problem: 'taken' }]);
      const draft = await em.findOne(ServiceDescriptionEntity, {
        where: { organiserId: auth.organiserId, code: current.code, status: 'DRAFT' },
      });
      if (draft) throw new DomainError('DRAFT_EXISTS', {}, [{ field: 'id', problem: 'invalid' }]);
      const [{ max }]: { max: number }[] = await em.query(
        `SELECT max(version)::int AS max FROM service_description WHERE organiser_id = $1 AND code = $2`,
        [auth.organiserId, current.code],
      );
      const saved = await em.save(
        ServiceDescriptionEntity,
        em.create(ServiceDescriptionEntity, {
          organiserId: current.organiserId,
          code: current.code,
          area: current.area,
          outputUnit: current.outputUnit,
          name: current.name,
          description: current.description,
          inclusions: current.inclusions,
          targetGroup: current.targetGroup,
          ...changes,
          version: max + 1,
          status: 'DRAFT',
          publishedAt: null,
        }),
      );
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'catalogue.service_description.new_version',
        entityType: 'service_description',
        entityId: saved.id,
        before: auditView(current),
        after: auditView(saved),
      });
      return { description: toServiceDescription(saved), created: true };
    });
  }

  /** Publishing version n retires the version published before it. Every language must be there. */
  async publish(auth: AuthContext, id: string): Promise<ServiceDescription> {
    return this.dataSource.transaction(async (em) => {
      const current = await organiserRow(em, ServiceDescriptionEntity, auth, id, { lock: true });
      if (current.status !== 'DRAFT') throw new DomainError('ALREADY_PUBLISHED');
      const fields: FieldIssue[] = missingDescriptionTexts(current).map((field) => ({
        field,
        problem: 'isNotEmpty',
      }));
      if (fields.length > 0) throw new DomainError('PUBLISH_INCOMPLETE', {}, fields);
      const previous = await em.findOne(ServiceDescriptionEntity, {
        where: { organiserId: auth.organiserId, code: current.code, status: 'PUBLISHED' },
      });
      if (previous) {
        await em.update(ServiceDescriptionEntity, { id: previous.id }, { status: 'RETIRED' });
        await this.audit.record(em, {
          organiserId: auth.organiserId,
          actor: auth,
          action: 'catalogue.service_description.retire',
          entityType: 'service_description',
          entityId: previous.id,
          before: { status: 'PUBLISHED', version: previous.version },
          after: { status: 'RETIRED', version: previous.version },
        });
      }
      const before = auditView(current);
      current.status = 'PUBLISHED';
      current.publishedAt = new Date();
      const saved = await em.save(ServiceDescriptionEntity, current);
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'catalogue.service_description.publish',
        entityType: 'service_description',
        entityId: id,
        before,
        after: auditView(saved),
      });
      return toServiceDescription(saved);
    });
  }

  private async requireVisible(
    em: EntityManager,
    auth: AuthContext,
    id: string,
  ): Promise<ServiceDescriptionEntity> {
    const row = await organiserRow(em, ServiceDescriptionEntity, auth, id);
    if (auth.role === 'PROVIDER_REPORTER' && row.status === 'DRAFT') throw new DomainError('NOT_FOUND');
    return row;
  }
}
