import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  canTransition,
  Contract,
  CONTRACT_KIND_OF,
  ContractDocument,
  ContractEvent,
  ContractService,
  ContractSummary,
  ProducerType,
} from '@sopu/shared';
import { AuditService } from '@sopu/api/audit';
import { AuthContext, DomainError, FieldIssue, organiserRow } from '@sopu/api/platform';
import { createObligations, helsinkiToday } from '@sopu/api/reporting';
import {
  ContractDocumentEntity,
  ContractEntity,
  ContractEventEntity,
  ContractServiceEntity,
  ContractServiceTermsEntity,
} from './contract.entity';
import {
  ContractQueryDto,
  ContractServiceInputDto,
  CreateContractDto,
  StatusChangeDto,
  UpdateContractDto,
} from './contract.dto';
import { checkedDocument } from '@sopu/api/platform';

type Change = { field: string; from: unknown; to: unknown };

interface SummaryRow {
  id: string;
  number: string;
  title: string;
  producer_id: string;
  producer_name: string;
  producer_type: ProducerType;
  kind: ContractEntity['kind'];
  status: ContractEntity['status'];
  valid_from: string;
  valid_to: string | null;
  manager_id: string | null;
  manager_name: string | null;
  service_codes: string[] | null;
}

function toSummary(row: SummaryRow): ContractSummary {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    producerId: row.producer_id,
    producerName: row.producer_name,
    producerType: row.producer_type,
    kind: row.kind,
    status: row.status,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    managerId: row.manager_id,
    managerName: row.manager_name,
    serviceCodes: row.service_codes ?? [],
  };
}

function toEvent(entity: ContractEventEntity): ContractEvent {
  return {
    id: entity.id,
    kind: entity.kind,
    reason: entity.reason,
    effectiveDate: entity.effectiveDate,
    changes: entity.changes,
    actorEmail: entity.actorEmail,
    createdAt: entity.createdAt.toISOString(),
  };
}

function toDocument(entity: ContractDocumentEntity): ContractDocument {
  return {
    id: entity.id,
    filename: entity.filename,
    mediaType: entity.mediaType,
    size: entity.size,
    sha256: entity.sha256,
    uploadedAt: entity.createdAt.toISOString(),
  };
}

/** Decimal text without insignificant zeros: "052.40", "52.4" and PostgreSQL's "52.40" are one price. */
const decimalKey = (text: string) =>
  (text.includes('.') ? text.replace(/\.?0+$/, '') : text).replace(/^0+(?=\d)/, '');
const sameDecimal = (a: string, b: string) => decimalKey(a) === decimalKey(b);

const SUMMARY_SQL = `
  SELECT c.id, c.number, c.title, c.producer_id, p.name AS producer_name, p.type AS producer_type, c.kind,
         c.status, c.valid_from::text, c.valid_to::text, c.manager_id, u.display_name AS manager_name,
         (SELECT array_agg(s.service_code ORDER BY s.service_code) FROM contract_service s WHERE s.contract_id = c.id)
           AS service_codes
    FROM contract c
    JOIN producer p ON p.id = c.producer_id
    LEFT JOIN app_user u ON u.id = c.manager_id`;

@Injectable()
export class ContractsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The organiser's contracts (a reporter: only their producer's), filtered; those ending soonest first. */
  async list(auth: AuthContext, query: ContractQueryDto): Promise<ContractSummary[]> {
    const params: unknown[] = [auth.organiserId];
    const where = ['c.organiser_id = $1'];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (auth.role === 'PROVIDER_REPORTER') add((p) => `c.producer_id = ${p}`, auth.producerId);
    else if (query.producerId) add((p) => `c.producer_id = ${p}`, query.producerId);
    if (query.status) add((p) => `c.status = ${p}`, query.status);
    if (query.kind) add((p) => `c.kind = ${p}`, query.kind);
    if (query.service)
      add(
        (p) =>
          `EXISTS (SELECT 1 FROM contract_service s WHERE s.contract_id = c.id AND s.service_code = ${p})`,
        query.service,
      );
    if (query.search)
      add(
        (p) => `(lower(c.number) LIKE ${p} OR lower(c.title) LIKE ${p} OR lower(p.name) LIKE ${p})`,
        `%${query.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      );
    if (query.endingWithinDays !== undefined) {
      params.push(helsinkiToday(), query.endingWithinDays);
      const [today, days] = [`$${params.length - 1}`, `$${params.length}`];
      where.push(`c.valid_to BETWEEN ${today}::date AND ${today}::date + ${days}::int`);
      where.push(`c.status IN ('ACTIVE', 'SUSPENDED')`);
    }
    const rows: SummaryRow[] = await this.dataSource.query(
      `${SUMMARY_SQL} WHERE ${where.join(' AND ')} ORDER BY c.valid_to ASC NULLS LAST, c.number`,
      params,
    );
    return rows.map(toSummary);
  }

  async get(auth: AuthContext, id: string): Promise<Contract> {
    return this.load(this.dataSource.manager, auth, id);
  }

  /** 404 unless the caller may see the contract (a reporter: only their own producer's). */
  async assertVisible(auth: AuthContext, id: string): Promise<void> {
    await this.requireVisible(this.dataSource.manager, auth, id);
  }

  async history(auth: AuthContext, id: string): Promise<ContractEvent[]> {
    await this.requireVisible(this.dataSource.manager, auth, id);
    const events = await this.dataSource.manager.find(ContractEventEntity, {
      where: { contractId: id, organiserId: auth.organiserId },
      order: { createdAt: 'DESC' },
    });
    return events.map(toEvent);
  }

  async create(auth: AuthContext, dto: CreateContractDto): Promise<Contract> {
    return this.dataSource.transaction(async (em) => {
      const producer: { type: ProducerType }[] = await em.query(
        `SELECT type FROM producer WHERE id = $1 AND organiser_id = $2`,
        [dto.producerId, auth.organiserId],
      );
      const issues: FieldIssue[] = [];
      if (producer.length === 0) issues.push({ field: 'producerId', problem: 'notFound' });
      else if (CONTRACT_KIND_OF[producer[0].type] !== dto.kind)
        issues.push({ field: 'kind', problem: 'kindMismatch' });
      issues.push(
        ...(await this.periodAndManagerIssues(em, auth, dto.validFrom, dto.validTo ?? null, dto.managerId)),
      );
      issues.push(...(await this.serviceIssues(em, auth, dto.producerId, dto.services ?? [])));
      if (issues.length > 0) throw new DomainError('RULE_VIOLATION', {}, issues);
      await this.assertNumberFree(em, auth, dto.number);

      const contract = await em.save(
        ContractEntity,
        em.create(ContractEntity, {
          organiserId: auth.organiserId,
          producerId: dto.producerId,
          number: dto.number,
          title: dto.title.trim(),
          kind: dto.kind,
          status: 'DRAFT',
          validFrom: dto.validFrom,
          validTo: dto.validTo ?? null,
          endedOn: null,
          options: dto.options ?? [],
          reportingDueDays: dto.reportingDueDays,
          managerId: dto.managerId ?? null,
        }),
      );
      for (const service of dto.services ?? [])
        await this.addService(em, auth, contract, service, dto.validFrom);
      await this.recordEvent(em, auth, contract.id, {
        kind: 'CREATED',
        reason: '',
        effectiveDate: dto.validFrom,
        changes: [],
      });
      const created = await this.load(em, auth, contract.id);
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'contracts.contract.create',
        entityType: 'contract',
        entityId: contract.id,
        after: created,
      });
      return created;
    });
  }

  /**
   * A draft is edited in place. A change to an active or suspended contract is an amendment with a
   * reason and an effective date: its changes are recorded, and a service moved to a new terms
   * version reports against it from that date while earlier periods keep their version.
   */
  async update(auth: AuthContext, id: string, dto: UpdateContractDto): Promise<Contract> {
    return this.dataSource.transaction(async (em) => {
      const contract = await this.requireLocked(em, auth, id);
      if (contract.status === 'ENDED' || contract.status === 'TERMINATED')
        throw new DomainError('CONTRACT_CLOSED');
      const draft = contract.status === 'DRAFT';
      if (!draft && !dto.amendment)
        throw new DomainError('RULE_VIOLATION', {}, [{ field: 'amendment', problem: 'isNotEmpty' }]);
      const before = await this.load(em, auth, id);
      const next = {
        number: dto.number ?? contract.number,
        title: dto.title?.trim() ?? contract.title,
        validFrom: dto.validFrom ?? contract.validFrom,
        validTo: dto.validTo !== undefined ? dto.validTo : contract.validTo,
        options: dto.options ?? contract.options,
        reportingDueDays: dto.reportingDueDays ?? contract.reportingDueDays,
        managerId: dto.managerId !== undefined ? dto.managerId : contract.managerId,
      };
      // An unchanged manager is not checked again: one who has since left must not block amendments.
      const issues = await this.periodAndManagerIssues(
        em,
        auth,
        next.validFrom,
        next.validTo,
        next.managerId !== contract.managerId ? next.managerId : null,
      );
      if (dto.services) {
        issues.push(...(await this.serviceIssues(em, auth, contract.producerId, dto.services)));
        const kept = new Set(dto.services.map((s) => s.serviceCode));
        if (!draft)
          before.services.forEach((s) => {
            if (!kept.has(s.serviceCode))
              issues.push({ field: `services.${s.serviceCode}`, problem: 'cannotRemove' });
          });
      }
      if (issues.length > 0) throw new DomainError('RULE_VIOLATION', {}, issues);
      if (next.number !== contract.number) await this.assertNumberFree(em, auth, next.number);

      const changes: Change[] = [];
      for (const field of [
        'number',
        'title',
        'validFrom',
        'validTo',
        'reportingDueDays',
        'managerId',
      ] as const)
        if (next[field] !== contract[field]) changes.push({ field, from: contract[field], to: next[field] });
      if (JSON.stringify(next.options) !== JSON.stringify(contract.options))
        changes.push({ field: 'options', from: contract.options, to: next.options });
      Object.assign(contract, next);
      await em.save(ContractEntity, contract);

      const effectiveDate = draft
        ? contract.validFrom
        : (dto.amendment as { effectiveDate: string }).effectiveDate;
      if (dto.services)
        changes.push(
          ...(await this.replaceServices(
            em,
            auth,
            contract,
            before.services,
            dto.services,
            draft,
            effectiveDate,
          )),
        );
      if (!draft) {
        await this.recordEvent(em, auth, id, {
          kind: 'AMENDMENT',
          reason: (dto.amendment as { reason: string }).reason.trim(),
          effectiveDate,
          changes,
        });
        if (contract.status === 'ACTIVE') await createObligations(em, helsinkiToday(), { contractId: id });
      }
      const after = await this.load(em, auth, id);
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: draft ? 'contracts.contract.update' : 'contracts.contract.amend',
        entityType: 'contract',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** DRAFT → ACTIVE ⇄ SUSPENDED → ENDED or TERMINATED, each with a reason; anything else is refused. */
  async changeStatus(auth: AuthContext, id: string, dto: StatusChangeDto): Promise<Contract> {
    return this.dataSource.transaction(async (em) => {
      const contract = await this.requireLocked(em, auth, id);
      if (!canTransition(contract.status, dto.status))
        throw new DomainError('ILLEGAL_TRANSITION', {}, [{ field: 'status', problem: 'invalid' }]);
      if (dto.status === 'ACTIVE' && contract.status === 'DRAFT') {
        const services = await em.count(ContractServiceEntity, { where: { contractId: id } });
        if (services === 0)
          throw new DomainError('RULE_VIOLATION', {}, [{ field: 'services', problem: 'isNotEmpty' }]);
      }
      const from = contract.status;
      contract.status = dto.status;
      if (dto.status === 'ENDED' || dto.status === 'TERMINATED') contract.endedOn = dto.effectiveDate;
      await em.save(ContractEntity, contract);
      await this.recordEvent(em, auth, id, {
        kind: 'STATUS',
        reason: dto.reason.trim(),
        effectiveDate: dto.effectiveDate,
        changes: [{ field: 'status', from, to: dto.status }],
        fromStatus: from,
        toStatus: dto.status,
      });
      // An activated or resumed contract owes its reports at once, not from tomorrow's run.
      if (dto.status === 'ACTIVE') await createObligations(em, helsinkiToday(), { contractId: id });
      const after = await this.load(em, auth, id);
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'contracts.contract.status',
        entityType: 'contract',
        entityId: id,
        before: { status: from },
        after: { status: after.status, reason: dto.reason, effectiveDate: dto.effectiveDate },
      });
      return after;
    });
  }

  async documents(auth: AuthContext, id: string): Promise<ContractDocument[]> {
    await this.requireVisible(this.dataSource.manager, auth, id);
    const rows = await this.dataSource.manager.find(ContractDocumentEntity, {
      where: { contractId: id, organiserId: auth.organiserId },
      order: { createdAt: 'DESC' },
    });
    return rows.map(toDocument);
  }

  /** Stores a PDF, DOCX or XLSX recognised from its content, with its SHA-256. */
  async addDocument(
    auth: AuthContext,
    id: string,
    filename: string,
    content: Buffer,
  ): Promise<ContractDocument> {
    const { mediaType, sha256 } = checkedDocument(filename, content);
    return this.dataSource.transaction(async (em) => {
      await this.requireLocked(em, auth, id);
      const saved = await em.save(
        ContractDocumentEntity,
        em.create(ContractDocumentEntity, {
          organiserId: auth.organiserId,
          contractId: id,
          filename,
          mediaType,
          size: content.length,
          sha256,
          content,
          uploadedBy: auth.userId,
        }),
      );
      const document = toDocument(saved);
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'contracts.document.add',
        entityType: 'contract',
        entityId: id,
        after: document,
      });
      return document;
    });
  }

  async document(
    auth: AuthContext,
    id: string,
    documentId: string,
  ): Promise<{ meta: ContractDocument; content: Buffer }> {
    await this.requireVisible(this.dataSource.manager, auth, id);
    const row = await this.dataSource.manager
      .createQueryBuilder(ContractDocumentEntity, 'd')
      .addSelect('d.content')
      .where('d.id = :documentId AND d.contract_id = :id AND d.organiser_id = :organiserId', {
        documentId,
        id,
        organiserId: auth.organiserId,
      })
      .getOne();
    if (!row) throw new DomainError('NOT_FOUND');
    return { meta: toDocument(row), content: row.content };
  }

  private async load(em: EntityManager, auth: AuthContext, id: string): Promise<Contract> {
    const contract = await this.requireVisible(em, auth, id);
    const [summary]: SummaryRow[] = await em.query(`${SUMMARY_SQL} WHERE c.id = $1`, [id]);
    const services = await em.find(ContractServiceEntity, {
      where: { contractId: id },
      order: { serviceCode: 'ASC' },
    });
    const terms: {
      contract_service_id: string;
      terms_id: string;
      version: number;
      effective_from: string;
    }[] =
      services.length === 0
        ? []
        : await em.query(
            `SELECT t.contract_service_id, t.terms_id, m.version, t.effective_from::text
               FROM contract_service_terms t JOIN monitoring_terms m ON m.id = t.terms_id
              WHERE t.contract_service_id = ANY ($1) ORDER BY t.effective_from`,
            [services.map((s) => s.id)],
          );
    return {
      ...toSummary(summary),
      options: contract.options,
      reportingDueDays: contract.reportingDueDays,
      services: services.map((s): ContractService => ({
        id: s.id,
        serviceCode: s.serviceCode,
        unitPrice: s.unitPrice,
        estimatedVolume: s.estimatedVolume,
        unitIds: s.unitIds,
        terms: terms
          .filter((t) => t.contract_service_id === s.id)
          .map((t) => ({ termsId: t.terms_id, version: t.version, effectiveFrom: t.effective_from })),
      })),
      createdAt: contract.createdAt.toISOString(),
      updatedAt: contract.updatedAt.toISOString(),
    };
  }

  private async addService(
    em: EntityManager,
    auth: AuthContext,
    contract: ContractEntity,
    input: ContractServiceInputDto,
    effectiveFrom: string,
  ): Promise<void> {
    const service = await em.save(
      ContractServiceEntity,
      em.create(ContractServiceEntity, {
        organiserId: auth.organiserId,
        contractId: contract.id,
        serviceCode: input.serviceCode,
        unitPrice: input.unitPrice,
        estimatedVolume: input.estimatedVolume,
        unitIds: input.unitIds ?? [],
      }),
    );
    await em.insert(ContractServiceTermsEntity, {
      organiserId: auth.organiserId,
      contractServiceId: service.id,
      termsId: input.termsId,
      effectiveFrom,
    });
  }

  /** Applies the new list of services and says what changed, service by service. */
  private async replaceServices(
    em: EntityManager,
    auth: AuthContext,
    contract: ContractEntity,
    current: ContractService[],
    wanted: ContractServiceInputDto[],
    draft: boolean,
    effectiveFrom: string,
  ): Promise<Change[]> {
    const changes: Change[] = [];
    const byCode = new Map(current.map((s) => [s.serviceCode, s]));
    for (const input of wanted) {
      const existing = byCode.get(input.serviceCode);
      const prefix = `services.${input.serviceCode}`;
      if (!existing) {
        await this.addService(em, auth, contract, input, draft ? contract.validFrom : effectiveFrom);
        changes.push({ field: prefix, from: null, to: { ...input } });
        continue;
      }
      const unitIds = input.unitIds ?? [];
      const update: Partial<ContractServiceEntity> = {};
      if (!sameDecimal(existing.unitPrice, input.unitPrice)) {
        update.unitPrice = input.unitPrice;
        changes.push({ field: `${prefix}.unitPrice`, from: existing.unitPrice, to: input.unitPrice });
      }
      if (!sameDecimal(existing.estimatedVolume, input.estimatedVolume)) {
        update.estimatedVolume = input.estimatedVolume;
        changes.push({
          field: `${prefix}.estimatedVolume`,
          from: existing.estimatedVolume,
          to: input.estimatedVolume,
        });
      }
      if ([...existing.unitIds].sort().join() !== [...unitIds].sort().join()) {
        update.unitIds = unitIds;
        changes.push({ field: `${prefix}.unitIds`, from: existing.unitIds, to: unitIds });
      }
      if (Object.keys(update).length > 0) await em.update(ContractServiceEntity, { id: existing.id }, update);
      const inForce = existing.terms[existing.terms.length - 1];
      if (inForce.termsId !== input.termsId) {
        if (draft) {
          await em.update(
            ContractServiceTermsEntity,
            { contractServiceId: existing.id },
            { termsId: input.termsId },
          );
        } else {
          await em.query(
            `INSERT INTO contract_service_terms (organiser_id, contract_service_id, terms_id, effective_from)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (contract_service_id, effective_from) DO UPDATE SET terms_id = EXCLUDED.terms_id`,
            [auth.organiserId, existing.id, input.termsId, effectiveFrom],
          );
          // Reports not yet begun for periods from the effective date follow the new version;
          // anything a producer has started or submitted keeps the version it was made against.
          await em.query(
            `UPDATE report SET terms_id = $1, updated_at = now()
              WHERE contract_service_id = $2 AND status = 'EXPECTED' AND period_start >= $3::date`,
            [input.termsId, existing.id, effectiveFrom],
          );
        }
        changes.push({ field: `${prefix}.terms`, from: inForce.termsId, to: input.termsId });
      }
    }
    if (draft) {
      const kept = new Set(wanted.map((s) => s.serviceCode));
      const removed = current.filter((s) => !kept.has(s.serviceCode));
      if (removed.length > 0) {
        await em.delete(ContractServiceTermsEntity, { contractServiceId: In(removed.map((s) => s.id)) });
        await em.delete(ContractServiceEntity, { id: In(removed.map((s) => s.id)) });
        for (const s of removed)
          changes.push({ field: `services.${s.serviceCode}`, from: s.serviceCode, to: null });
      }
    }
    return changes;
  }

  /** Every service names a published terms version of that very service, once, and the producer's own units. */
  private async serviceIssues(
    em: EntityManager,
    auth: AuthContext,
    producerId: string,
    services: ContractServiceInputDto[],
  ): Promise<FieldIssue[]> {
    if (services.length === 0) return [];
    const terms: { id: string; service_code: string }[] = await em.query(
      `SELECT id, service_code FROM monitoring_terms
        WHERE id = ANY ($1::uuid[]) AND organiser_id = $2 AND status = 'PUBLISHED'`,
      [services.map((s) => s.termsId), auth.organiserId],
    );
    const serviceOfTerms = new Map(terms.map((t) => [t.id, t.service_code]));
    const units: { id: string }[] = await em.query(
      `SELECT id FROM service_unit WHERE id = ANY ($1::uuid[]) AND producer_id = $2 AND organiser_id = $3`,
      [services.flatMap((s) => s.unitIds ?? []), producerId, auth.organiserId],
    );
    const ownUnits = new Set(units.map((u) => u.id));
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    for (const [index, service] of services.entries()) {
      if (seen.has(service.serviceCode))
        issues.push({ field: `services[${index}].serviceCode`, problem: 'duplicate' });
      seen.add(service.serviceCode);
      if (serviceOfTerms.get(service.termsId) !== service.serviceCode)
        issues.push({ field: `services[${index}].termsId`, problem: 'termsNotOfService' });
      if ((service.unitIds ?? []).some((unitId) => !ownUnits.has(unitId)))
        issues.push({ field: `services[${index}].unitIds`, problem: 'unitNotOfProducer' });
    }
    return issues;
  }

  private async periodAndManagerIssues(
    em: EntityManager,
    auth: AuthContext,
    validFrom: string,
    validTo: string | null,
    managerId: string | null | undefined,
  ): Promise<FieldIssue[]> {
    const issues: FieldIssue[] = [];
    if (validTo !== null && validTo < validFrom) issues.push({ field: 'validTo', problem: 'endBeforeStart' });
    if (managerId) {
      const manager: unknown[] = await em.query(
        `SELECT 1 FROM app_user WHERE id = $1 AND organiser_id = $2 AND role = 'CONTRACT_MANAGER' AND active`,
        [managerId, auth.organiserId],
      );
      if (manager.length === 0) issues.push({ field: 'managerId', problem: 'notContractManager' });
    }
    return issues;
  }

  private async assertNumberFree(em: EntityManager, auth: AuthContext, number: string): Promise<void> {
    const taken = await em.findOne(ContractEntity, { where: { organiserId: auth.organiserId, number } });
    if (taken)
      throw new DomainError('CONTRACT_NUMBER_TAKEN', { number }, [{ field: 'number', problem: 'taken' }]);
  }

  private async recordEvent(
    em: EntityManager,
    auth: AuthContext,
    contractId: string,
    event: Pick<ContractEventEntity, 'kind' | 'reason' | 'effectiveDate' | 'changes'> &
      Partial<Pick<ContractEventEntity, 'fromStatus' | 'toStatus'>>,
  ): Promise<void> {
    await em.save(
      ContractEventEntity,
      em.create(ContractEventEntity, {
        organiserId: auth.organiserId,
        contractId,
        fromStatus: null,
        toStatus: null,
        ...event,
        actorId: auth.userId,
        actorEmail: auth.email,
      }),
    );
  }

  /** A reporter reaches only their own producer's contracts; any other id is simply not found. */
  private async requireVisible(em: EntityManager, auth: AuthContext, id: string): Promise<ContractEntity> {
    const row = await organiserRow(em, ContractEntity, auth, id);
    if (auth.role === 'PROVIDER_REPORTER' && row.producerId !== auth.producerId)
      throw new DomainError('NOT_FOUND');
    return row;
  }

  private requireLocked(em: EntityManager, auth: AuthContext, id: string): Promise<ContractEntity> {
    return organiserRow(em, ContractEntity, auth, id, { lock: true });
  }
}
