import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import {
  LANGUAGES,
  MajorDistrict,
  Producer,
  ProducerDetail,
  ProducerSummary,
  ServiceUnit,
} from '@sopu/shared';
import { AuditService } from '@sopu/api/audit';
import { AuthContext, DomainError, FieldIssue, organiserRow, trimmed } from '@sopu/api/platform';
import { ProducerEntity, ServiceUnitEntity } from './producer.entity';
import {
  CreateProducerDto,
  CreateServiceUnitDto,
  ProducerQueryDto,
  UpdateProducerDto,
  UpdateServiceUnitDto,
} from './producer.dto';

export function toProducerSummary(entity: ProducerEntity): ProducerSummary {
  return { id: entity.id, name: entity.name, type: entity.type, businessId: entity.businessId };
}

export function toServiceUnit(entity: ServiceUnitEntity): ServiceUnit {
  return {
    id: entity.id,
    producerId: entity.producerId,
    name: entity.name,
    streetAddress: entity.streetAddress,
    postalCode: entity.postalCode,
    postOffice: entity.postOffice,
    district: entity.district,
    languages: LANGUAGES.filter((lang) => entity.languages.includes(lang)),
    capacity: entity.capacity,
    active: entity.active,
  };
}

/** The registry's view of a producer: its active units' districts and languages summed up. */
function toProducer(entity: ProducerEntity, units: ServiceUnitEntity[]): Producer {
  const active = units.filter((unit) => unit.active);
  return {
    ...toProducerSummary(entity),
    status: entity.status,
    costCentre: entity.costCentre,
    contactName: entity.contactName,
    contactEmail: entity.contactEmail,
    contactPhone: entity.contactPhone,
    districts: [...new Set(active.map((unit) => unit.district))].sort() as MajorDistrict[],
    languages: LANGUAGES.filter((lang) => active.some((unit) => unit.languages.includes(lang))),
    unitCount: units.length,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

function producerAuditView(entity: ProducerEntity): Record<string, unknown> {
  const { id: _id, organiserId: _o, createdAt: _c, updatedAt: _u, ...view } = entity;
  return view;
}

function unitAuditView(entity: ServiceUnitEntity): Record<string, unknown> {
  const { id: _id, producerId: _p, ...view } = toServiceUnit(entity);
  return view;
}

/** A unit may lack its Swedish or English name for a while, never its Finnish one. */
function assertUnitNamed(finnish: string): void {
  if (!finnish.trim())
    throw new DomainError('RULE_VIOLATION', {}, [{ field: 'name.fi', problem: 'isNotEmpty' }]);
}

@Injectable()
export class ProducersService {
  constructor(
    @InjectRepository(ProducerEntity) private readonly producers: Repository<ProducerEntity>,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Staff see every producer of their organiser; a reporter sees only their own. */
  async list(auth: AuthContext, query: ProducerQueryDto = {}): Promise<Producer[]> {
    const em = this.dataSource.manager;
    const qb = em
      .createQueryBuilder(ProducerEntity, 'p')
      .where('p.organiser_id = :organiserId', { organiserId: auth.organiserId });
    if (auth.role === 'PROVIDER_REPORTER') qb.andWhere('p.id = :own', { own: auth.producerId });
    if (query.type) qb.andWhere('p.type = :type', { type: query.type });
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.search)
      qb.andWhere('(lower(p.name) LIKE :search OR p.business_id LIKE :search)', {
        search: `%${query.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    // The registry's district and language are those of the producer's active units.
    const activeUnit = 'SELECT 1 FROM service_unit u WHERE u.producer_id = p.id AND u.active';
    if (query.district)
      qb.andWhere(`EXISTS (${activeUnit} AND u.district = :district)`, { district: query.district });
    if (query.language)
      qb.andWhere(`EXISTS (${activeUnit} AND :language::varchar = ANY (u.languages))`, {
        language: query.language,
      });
    const rows = await qb.orderBy('p.name', 'ASC').getMany();
    if (rows.length === 0) return [];
    const units = await this.unitsOf(
      em,
      auth,
      rows.map((row) => row.id),
    );
    return rows.map((row) => toProducer(row, units.get(row.id) ?? []));
  }

  async get(auth: AuthContext, id: string): Promise<ProducerDetail> {
    return this.detail(
      this.dataSource.manager,
      auth,
      await this.requireVisible(this.dataSource.manager, auth, id),
    );
  }

  /** The producer, if it belongs to the organiser; otherwise a 404 (never a hint that it exists). */
  async requireInOrganiser(organiserId: string, producerId: string): Promise<ProducerEntity> {
    const producer = await this.producers.findOne({ where: { id: producerId, organiserId } });
    if (!producer) throw new DomainError('NOT_FOUND');
    return producer;
  }

  async create(auth: AuthContext, dto: CreateProducerDto): Promise<ProducerDetail> {
    return this.dataSource.transaction(async (em) => {
      const entity = em.create(ProducerEntity, {
        organiserId: auth.organiserId,
        name: dto.name.trim(),
        type: dto.type,
        businessId: dto.businessId ?? null,
        status: dto.status ?? 'ACTIVE',
        costCentre: dto.costCentre?.trim() || null,
        contactName: dto.contactName?.trim() || null,
        contactEmail: dto.contactEmail?.trim().toLowerCase() || null,
        contactPhone: dto.contactPhone?.trim() || null,
      });
      await this.checkRules(em, auth, entity);
      await this.assertNameFree(em, auth, entity.name);
      const saved = await em.save(ProducerEntity, entity);
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'producers.producer.create',
        entityType: 'producer',
        entityId: saved.id,
        after: producerAuditView(saved),
      });
      return this.detail(em, auth, saved);
    });
  }

  async update(auth: AuthContext, id: string, dto: UpdateProducerDto): Promise<ProducerDetail> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.requireLocked(em, auth, id);
      const before = producerAuditView(current);
      const next: ProducerEntity = { ...current };
      if (dto.name !== undefined) next.name = dto.name.trim();
      if (dto.type !== undefined) next.type = dto.type;
      if (dto.businessId !== undefined) next.businessId = dto.businessId;
      if (dto.status !== undefined) next.status = dto.status;
      if (dto.costCentre !== undefined) next.costCentre = dto.costCentre?.trim() || null;
      if (dto.contactName !== undefined) next.contactName = dto.contactName?.trim() || null;
      if (dto.contactEmail !== undefined) next.contactEmail = dto.contactEmail?.trim().toLowerCase() || null;
      if (dto.contactPhone !== undefined) next.contactPhone = dto.contactPhone?.trim() || null;
      await this.checkRules(em, auth, next);
      if (next.name !== current.name) await this.assertNameFree(em, auth, next.name);
      const saved = await em.save(ProducerEntity, next);
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'producers.producer.update',
        entityType: 'producer',
        entityId: id,
        before,
        after: producerAuditView(saved),
      });
      return this.detail(em, auth, saved);
    });
  }

  async addUnit(auth: AuthContext, producerId: string, dto: CreateServiceUnitDto): Promise<ServiceUnit> {
    assertUnitNamed(dto.name.fi);
    return this.dataSource.transaction(async (em) => {
      await this.requireLocked(em, auth, producerId);
      const saved = await em.save(
        ServiceUnitEntity,
        em.create(ServiceUnitEntity, {
          organiserId: auth.organiserId,
          producerId,
          name: trimmed(dto.name),
          streetAddress: dto.streetAddress.trim(),
          postalCode: dto.postalCode,
          postOffice: dto.postOffice.trim(),
          district: dto.district,
          languages: dto.languages,
          capacity: dto.capacity ?? null,
          active: dto.active ?? true,
        }),
      );
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'producers.unit.create',
        entityType: 'service_unit',
        entityId: saved.id,
        after: { producerId, ...unitAuditView(saved) },
      });
      return toServiceUnit(saved);
    });
  }

  async updateUnit(
    auth: AuthContext,
    producerId: string,
    unitId: string,
    dto: UpdateServiceUnitDto,
  ): Promise<ServiceUnit> {
    return this.dataSource.transaction(async (em) => {
      await this.requireLocked(em, auth, producerId);
      const unit = await em.findOne(ServiceUnitEntity, {
        where: { id: unitId, producerId, organiserId: auth.organiserId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!unit) throw new DomainError('NOT_FOUND');
      const before = unitAuditView(unit);
      if (dto.name !== undefined) {
        assertUnitNamed(dto.name.fi);
        unit.name = trimmed(dto.name);
      }
      if (dto.streetAddress !== undefined) unit.streetAddress = dto.streetAddress.trim();
      if (dto.postalCode !== undefined) unit.postalCode = dto.postalCode;
      if (dto.postOffice !== undefined) unit.postOffice = dto.postOffice.trim();
      if (dto.district !== undefined) unit.district = dto.district;
      if (dto.languages !== undefined) unit.languages = dto.languages;
      if (dto.capacity !== undefined) unit.capacity = dto.capacity;
      if (dto.active !== undefined) unit.active = dto.active;
      const saved = await em.save(ServiceUnitEntity, unit);
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'producers.unit.update',
        entityType: 'service_unit',
        entityId: unitId,
        before,
        after: unitAuditView(saved),
      });
      return toServiceUnit(saved);
    });
  }

  /**
   * In-house units carry the organiser's own business ID (filled in when left out) and a cost
   * centre; external producers their own ID and no cost centre.
   */
  private async checkRules(em: EntityManager, auth: AuthContext, entity: ProducerEntity): Promise<void> {
    const [organiser]: { business_id: string }[] = await em.query(
      `SELECT business_id FROM organiser WHERE id = $1`,
      [auth.organiserId],
    );
    const issues: FieldIssue[] = [];
    if (entity.type === 'SELF_PRODUCED') {
      entity.businessId ??= organiser.business_id;
      if (entity.businessId !== organiser.business_id)
        issues.push({ field: 'businessId', problem: 'ownBusinessIdRequired' });
      if (!entity.costCentre) issues.push({ field: 'costCentre', problem: 'isNotEmpty' });
    } else {
      if (!entity.businessId) issues.push({ field: 'businessId', problem: 'isNotEmpty' });
      if (entity.costCentre) issues.push({ field: 'costCentre', problem: 'notAllowed' });
    }
    if (issues.length > 0) throw new DomainError('RULE_VIOLATION', {}, issues);
  }

  private async assertNameFree(em: EntityManager, auth: AuthContext, name: string): Promise<void> {
    const taken = await em.findOne(ProducerEntity, { where: { organiserId: auth.organiserId, name } });
    if (taken) throw new DomainError('PRODUCER_NAME_TAKEN', {}, [{ field: 'name', problem: 'taken' }]);
  }

  private async detail(
    em: EntityManager,
    auth: AuthContext,
    entity: ProducerEntity,
  ): Promise<ProducerDetail> {
    const units = (await this.unitsOf(em, auth, [entity.id])).get(entity.id) ?? [];
    return { ...toProducer(entity, units), units: units.map(toServiceUnit) };
  }

  private async unitsOf(
    em: EntityManager,
    auth: AuthContext,
    producerIds: string[],
  ): Promise<Map<string, ServiceUnitEntity[]>> {
    const units = await em
      .createQueryBuilder(ServiceUnitEntity, 'u')
      .where('u.organiser_id = :organiserId AND u.producer_id IN (:...ids)', {
        organiserId: auth.organiserId,
        ids: producerIds,
      })
      .getMany();
    const byProducer = new Map<string, ServiceUnitEntity[]>();
    for (const unit of units.sort((a, b) => a.name.fi.localeCompare(b.name.fi, 'fi')))
      byProducer.set(unit.producerId, [...(byProducer.get(unit.producerId) ?? []), unit]);
    return byProducer;
  }

  /** A reporter's view stops at their own producer: any other id is simply not found. */
  private async requireVisible(em: EntityManager, auth: AuthContext, id: string): Promise<ProducerEntity> {
    if (auth.role === 'PROVIDER_REPORTER' && auth.producerId !== id) throw new DomainError('NOT_FOUND');
    return organiserRow(em, ProducerEntity, auth, id);
  }

  private requireLocked(em: EntityManager, auth: AuthContext, id: string): Promise<ProducerEntity> {
    return organiserRow(em, ProducerEntity, auth, id, { lock: true });
  }
}
