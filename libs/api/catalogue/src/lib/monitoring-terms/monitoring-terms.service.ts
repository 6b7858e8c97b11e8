import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere, In } from 'typeorm';
import {
  Band,
  MonitoringTerms,
  TermsComparison,
  TermsItem,
  TermsItemInput,
  termsItemProblems,
} from '@sopu/shared';
import { AuthContext, DomainError, FieldIssue, organiserRow, trimmed } from '@sopu/api/platform';
import { AuditService } from '@sopu/api/audit';
import { CriterionEntity } from '../criteria/criterion.entity';
import { missingCriterionTexts } from '../criteria/criterion-rules';
import { ServiceDescriptionEntity } from '../service-descriptions/service-description.entity';
import { missingDescriptionTexts } from '../service-descriptions/service-descriptions.service';
import { MonitoringTermsEntity, MonitoringTermsItemEntity } from './monitoring-terms.entity';
import { CreateTermsDto, TermsQueryDto, UpdateTermsDto } from './monitoring-terms.dto';

const band = (has: boolean, min: number | null, max: number | null): Band | null =>
  has ? { min, max } : null;

export function toTermsItem(item: MonitoringTermsItemEntity, criterionCode: string): TermsItem {
  return {
    id: item.id,
    criterionId: item.criterionId,
    criterionCode,
    required: item.required,
    target: item.target,
    green: band(item.hasGreen, item.greenMin, item.greenMax),
    amber: band(item.hasAmber, item.amberMin, item.amberMax),
    frequency: item.frequency,
    evidenceRequired: item.evidenceRequired,
    note: item.note,
    position: item.position,
  };
}

/** The stored row of an item; a band is kept as a flag and its two ends, so an open end stays open. */
function itemRow(
  auth: AuthContext,
  termsId: string,
  item: TermsItemInput & { position: number },
): Partial<MonitoringTermsItemEntity> {
  return {
    organiserId: auth.organiserId,
    termsId,
    criterionId: item.criterionId,
    position: item.position,
    required: item.required,
    target: item.target ?? null,
    hasGreen: item.green !== null && item.green !== undefined,
    greenMin: item.green?.min ?? null,
    greenMax: item.green?.max ?? null,
    hasAmber: item.amber !== null && item.amber !== undefined,
    amberMin: item.amber?.min ?? null,
    amberMax: item.amber?.max ?? null,
    frequency: item.frequency,
    evidenceRequired: item.evidenceRequired,
    note: item.note ? trimmed(item.note) : null,
  };
}

function toTerms(terms: MonitoringTermsEntity, items: TermsItem[]): MonitoringTerms {
  return {
    id: terms.id,
    serviceDescriptionId: terms.serviceDescriptionId,
    serviceCode: terms.serviceCode,
    version: terms.version,
    status: terms.status,
    validFrom: terms.validFrom,
    publishedAt: terms.publishedAt ? terms.publishedAt.toISOString() : null,
    items,
    createdAt: terms.createdAt.toISOString(),
    updatedAt: terms.updatedAt.toISOString(),
  };
}

/** The audit-log picture of a terms version, items by criterion code. */
function auditView(terms: MonitoringTerms): Record<string, unknown> {
  return {
    serviceCode: terms.serviceCode,
    version: terms.version,
    status: terms.status,
    validFrom: terms.validFrom,
    items: terms.items.map(({ id: _id, criterionId: _criterionId, ...item }) => item),
  };
}

/** Equality of JSON-like values regardless of key order (jsonb keeps its own order). */
function same(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .sort(([x], [y]) => x.localeCompare(y))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** What a comparison of two versions looks at; the position only follows from the others. */
const COMPARED_FIELDS = [
  'required',
  'target',
  'green',
  'amber',
  'frequency',
  'evidenceRequired',
  'note',
] as const;

@Injectable()
export class MonitoringTermsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Versions of the organiser's terms, optionally of one service; reporters never see a draft. */
  async list(auth: AuthContext, query: TermsQueryDto): Promise<MonitoringTerms[]> {
    const em = this.dataSource.manager;
    const where: FindOptionsWhere<MonitoringTermsEntity> = { organiserId: auth.organiserId };
    if (query.service) where.serviceCode = query.service;
    if (auth.role === 'PROVIDER_REPORTER') where.status = 'PUBLISHED';
    const rows = await em.find(MonitoringTermsEntity, {
      where,
      order: { serviceCode: 'ASC', version: 'DESC' },
    });
    return this.withItems(em, rows);
  }

  /** The one published version in force on the date: the greatest validFrom not after it. */
  async inForce(auth: AuthContext, serviceCode: string, date: string): Promise<MonitoringTerms> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM monitoring_terms
        WHERE organiser_id = $1 AND service_code = $2 AND status = 'PUBLISHED' AND valid_from <= $3::date
        ORDER BY valid_from DESC LIMIT 1`,
      [auth.organiserId, serviceCode, date],
    );
    if (rows.length === 0) throw new DomainError('NOT_FOUND');
    return this.get(auth, rows[0].id);
  }

  async get(auth: AuthContext, id: string): Promise<MonitoringTerms> {
    const em = this.dataSource.manager;
    return (await this.withItems(em, [await this.requireVisible(em, auth, id)]))[0];
  }

  async create(auth: AuthContext, dto: CreateTermsDto): Promise<MonitoringTerms> {
    return this.dataSource.transaction(async (em) => {
      const description = await this.describingVersion(em, auth, dto.serviceCode);
      if (!description)
        throw new DomainError('RULE_VIOLATION', {}, [{ field: 'serviceCode', problem: 'notFound' }]);
      await this.assertNoDraft(em, auth, dto.serviceCode);
      const saved = await em.save(
        MonitoringTermsEntity,
        em.create(MonitoringTermsEntity, {
          organiserId: auth.organiserId,
          serviceCode: dto.serviceCode,
          serviceDescriptionId: description.id,
          version: await this.nextVersion(em, auth, dto.serviceCode),
          status: 'DRAFT',
          validFrom: null,
          publishedAt: null,
        }),
      );
      const terms = await this.load(em, auth, saved.id);
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'catalogue.terms.create',
        entityType: 'monitoring_terms',
        entityId: saved.id,
        after: auditView(terms),
      });
      return terms;
    });
  }

  /** Replaces the start date and/or the whole item list of a draft. */
  async update(auth: AuthContext, id: string, dto: UpdateTermsDto): Promise<MonitoringTerms> {
    return this.dataSource.transaction(async (em) => {
      const terms = await this.requireDraft(em, auth, id);
      const before = await this.load(em, auth, id);
      if (dto.validFrom !== undefined) {
        terms.validFrom = dto.validFrom;
        await em.update(MonitoringTermsEntity, { id }, { validFrom: dto.validFrom });
      }
      if (dto.items !== undefined) {
        const ids = dto.items.map((item) => item.criterionId);
        const found = ids.length
          ? await em.find(CriterionEntity, {
              select: { id: true },
              where: { organiserId: auth.organiserId, id: In(ids) },
            })
          : [];
        const known = new Set(found.map((c) => c.id));
        const issues: FieldIssue[] = [];
        dto.items.forEach((item, index) => {
          if (!known.has(item.criterionId))
            issues.push({ field: `items[${index}].criterionId`, problem: 'notFound' });
          else if (ids.indexOf(item.criterionId) !== index)
            issues.push({ field: `items[${index}].criterionId`, problem: 'duplicate' });
        });
        if (issues.length > 0) throw new DomainError('RULE_VIOLATION', {}, issues);
        await em.delete(MonitoringTermsItemEntity, { termsId: id });
        if (dto.items.length > 0)
          await em.insert(
            MonitoringTermsItemEntity,
            dto.items.map((item, position) => itemRow(auth, id, { ...item, position })),
          );
      }
      // The draft's own timestamp shows when it last changed, items included.
      await em.query(`UPDATE monitoring_terms SET updated_at = now() WHERE id = $1`, [id]);
      const after = await this.load(em, auth, id);
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'catalogue.terms.update',
        entityType: 'monitoring_terms',
        entityId: id,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  }

  /** Freezes a draft for ever, after checking everything reports against it will need. */
  async publish(auth: AuthContext, id: string): Promise<MonitoringTerms> {
    return this.dataSource.transaction(async (em) => {
      const entity = await organiserRow(em, MonitoringTermsEntity, auth, id, { lock: true });
      if (entity.status === 'PUBLISHED') throw new DomainError('ALREADY_PUBLISHED');
      const terms = await this.load(em, auth, id);
      const issues: FieldIssue[] = [];
      if (!terms.validFrom) issues.push({ field: 'validFrom', problem: 'isNotEmpty' });
      if (terms.items.length === 0) issues.push({ field: 'items', problem: 'isNotEmpty' });

      const description = await em.findOne(ServiceDescriptionEntity, {
        where: { organiserId: auth.organiserId, code: terms.serviceCode, status: 'PUBLISHED' },
      });
      if (!description) issues.push({ field: 'serviceCode', problem: 'notPublished' });
      else
        for (const field of missingDescriptionTexts(description, 'serviceDescription.'))
          issues.push({ field, problem: 'isNotEmpty' });

      const criteria = terms.items.length
        ? await em.find(CriterionEntity, {
            where: { organiserId: auth.organiserId, id: In(terms.items.map((i) => i.criterionId)) },
          })
        : [];
      const byId = new Map(criteria.map((c) => [c.id, c]));
      for (const criterion of criteria)
        for (const field of missingCriterionTexts(criterion, `criteria.${criterion.code}.`))
          issues.push({ field, problem: 'isNotEmpty' });
      terms.items.forEach((item, index) => {
        const criterion = byId.get(item.criterionId);
        if (!criterion) return;
        for (const problem of termsItemProblems(criterion, item)) {
          const field =
            problem === 'targetOutsideBounds' || problem === 'targetNotGreen'
              ? 'target'
              : problem === 'bandsMissing' && item.green
                ? 'amber'
                : 'green';
          issues.push({ field: `items[${index}].${field}`, problem });
        }
      });
      if (issues.length > 0) throw new DomainError('PUBLISH_INCOMPLETE', {}, issues);

      const clash: unknown[] = await em.query(
        `SELECT 1 FROM monitoring_terms WHERE organiser_id = $1 AND service_code = $2 AND status = 'PUBLISHED'
            AND valid_from = $3::date AND id <> $4`,
        [auth.organiserId, terms.serviceCode, terms.validFrom, id],
      );
      if (clash.length > 0)
        throw new DomainError('VALID_FROM_TAKEN', { validFrom: terms.validFrom ?? '' }, [
          { field: 'validFrom', problem: 'duplicate' },
        ]);

      await em.update(
        MonitoringTermsEntity,
        { id },
        {
          status: 'PUBLISHED',
          publishedAt: new Date(),
          serviceDescriptionId: (description as ServiceDescriptionEntity).id,
        },
      );
      const after = await this.load(em, auth, id);
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'catalogue.terms.publish',
        entityType: 'monitoring_terms',
        entityId: id,
        before: auditView(terms),
        after: auditView(after),
      });
      return after;
    });
  }

  /** A new draft with the items of the given version; its start date is chosen anew. */
  async newVersion(auth: AuthContext, id: string): Promise<MonitoringTerms> {
    return this.dataSource.transaction(async (em) => {
      const source = await this.load(em, auth, id);
      await this.assertNoDraft(em, auth, source.serviceCode);
      const description = await this.describingVersion(em, auth, source.serviceCode);
      const saved = await em.save(
        MonitoringTermsEntity,
        em.create(MonitoringTermsEntity, {
          organiserId: auth.organiserId,
          serviceCode: source.serviceCode,
          serviceDescriptionId: description?.id ?? source.serviceDescriptionId,
          version: await this.nextVersion(em, auth, source.serviceCode),
          status: 'DRAFT',
          validFrom: null,
          publishedAt: null,
        }),
      );
      if (source.items.length > 0)
        await em.insert(
          MonitoringTermsItemEntity,
          source.items.map((item) => itemRow(auth, saved.id, item)),
        );
      const created = await this.load(em, auth, saved.id);
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'catalogue.terms.new_version',
        entityType: 'monitoring_terms',
        entityId: saved.id,
        before: { copiedFrom: id, version: source.version },
        after: auditView(created),
      });
      return created;
    });
  }

  /** Exactly what changed from one version to the other; items are matched by criterion code. */
  async compare(auth: AuthContext, id: string, otherId: string): Promise<TermsComparison> {
    const from = await this.get(auth, id);
    const to = await this.get(auth, otherId);
    const before = new Map(from.items.map((item) => [item.criterionCode, item]));
    const after = new Map(to.items.map((item) => [item.criterionCode, item]));
    const changed: TermsComparison['changed'] = [];
    for (const item of to.items) {
      const old = before.get(item.criterionCode);
      if (!old) continue;
      const fields = COMPARED_FIELDS.filter((field) => !same(old[field], item[field])).map((field) => ({
        field,
        from: old[field],
        to: item[field],
      }));
      if (fields.length > 0) changed.push({ criterionCode: item.criterionCode, fields });
    }
    return {
      from: { id: from.id, version: from.version },
      to: { id: to.id, version: to.version },
      validFrom: from.validFrom === to.validFrom ? null : { from: from.validFrom, to: to.validFrom },
      added: to.items.filter((item) => !before.has(item.criterionCode)),
      removed: from.items.filter((item) => !after.has(item.criterionCode)),
      changed,
    };
  }

  /** The version of the description that terms of the code point at: the published one, else the latest. */
  private async describingVersion(
    em: EntityManager,
    auth: AuthContext,
    code: string,
  ): Promise<ServiceDescriptionEntity | null> {
    const versions = await em.find(ServiceDescriptionEntity, {
      where: { organiserId: auth.organiserId, code },
      order: { version: 'DESC' },
    });
    return versions.find((v) => v.status === 'PUBLISHED') ?? versions[0] ?? null;
  }

  /** A service's terms have at most one draft: the next version is edited in one place. */
  private async assertNoDraft(em: EntityManager, auth: AuthContext, serviceCode: string): Promise<void> {
    const draft = await em.findOne(MonitoringTermsEntity, {
      select: { id: true },
      where: { organiserId: auth.organiserId, serviceCode, status: 'DRAFT' },
    });
    if (draft) throw new DomainError('DRAFT_EXISTS', {}, [{ field: 'serviceCode', problem: 'duplicate' }]);
  }

  private async nextVersion(em: EntityManager, auth: AuthContext, code: string): Promise<number> {
    const [{ max }]: { max: number | null }[] = await em.query(
      `SELECT max(version)::int AS max FROM monitoring_terms WHERE organiser_id = $1 AND service_code = $2`,
      [auth.organiserId, code],
    );
    return (max ?? 0) + 1;
  }

  private async load(em: EntityManager, auth: AuthContext, id: string): Promise<MonitoringTerms> {
    const row = await em.findOne(MonitoringTermsEntity, { where: { id, organiserId: auth.organiserId } });
    if (!row) throw new DomainError('NOT_FOUND');
    return (await this.withItems(em, [row]))[0];
  }

  private async withItems(em: EntityManager, rows: MonitoringTermsEntity[]): Promise<MonitoringTerms[]> {
    if (rows.length === 0) return [];
    const items = await em.find(MonitoringTermsItemEntity, {
      where: { termsId: In(rows.map((r) => r.id)), organiserId: rows[0].organiserId },
      order: { position: 'ASC' },
    });
    const criteria = items.length
      ? await em.find(CriterionEntity, {
          select: { id: true, code: true },
          where: { id: In([...new Set(items.map((i) => i.criterionId))]) },
        })
      : [];
    const codes = new Map(criteria.map((c) => [c.id, c.code]));
    return rows.map((row) =>
      toTerms(
        row,
        items.filter((i) => i.termsId === row.id).map((i) => toTermsItem(i, codes.get(i.criterionId) ?? '')),
      ),
    );
  }

  private async requireVisible(
    em: EntityManager,
    auth: AuthContext,
    id: string,
  ): Promise<MonitoringTermsEntity> {
    const row = await organiserRow(em, MonitoringTermsEntity, auth, id);
    if (auth.role === 'PROVIDER_REPORTER' && row.status !== 'PUBLISHED') throw new DomainError('NOT_FOUND');
    return row;
  }

  private async requireDraft(
    em: EntityManager,
    auth: AuthContext,
    id: string,
  ): Promise<MonitoringTermsEntity> {
    const row = await organiserRow(em, MonitoringTermsEntity, auth, id, { lock: true });
    if (row.status === 'PUBLISHED') throw new DomainError('TERMS_FROZEN');
    return row;
  }
}
