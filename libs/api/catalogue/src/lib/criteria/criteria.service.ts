import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Criterion, Language, LANGUAGES } from '@sopu/shared';
import { AuthContext, DomainError, FieldIssue, organiserRow, trimmed } from '@sopu/api/platform';
import { AuditService } from '@sopu/api/audit';
import { CriterionEntity } from './criterion.entity';
import { CreateCriterionDto, CriterionQueryDto, UpdateCriterionDto } from './criteria.dto';
import { criterionRuleIssues, FROZEN_WHEN_USED, missingCriterionTexts } from './criterion-rules';

export function criterionMissingLanguages(entity: CriterionEntity): Language[] {
  const fields = missingCriterionTexts(entity);
  return LANGUAGES.filter((lang) => fields.some((field) => field.endsWith(`.${lang}`)));
}

export function toCriterion(entity: CriterionEntity, inUse = false): Criterion {
  return {
    id: entity.id,
    code: entity.code,
    measureType: entity.measureType,
    direction: entity.direction,
    unit: entity.unit,
    name: entity.name,
    definition: entity.definition,
    interpretation: entity.interpretation,
    numeratorDefinition: entity.numeratorDefinition,
    denominatorDefinition: entity.denominatorDefinition,
    minValue: entity.minValue,
    maxValue: entity.maxValue,
    decimals: entity.decimals,
    scaleMin: entity.scaleMin,
    scaleMax: entity.scaleMax,
    rateMultiplier: entity.rateMultiplier,
    allowNotApplicable: entity.allowNotApplicable,
    missingLanguages: criterionMissingLanguages(entity),
    inUse,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

/** The audit-log picture of a criterion: what a reader sees, without ids and times. */
function auditView(entity: CriterionEntity): Record<string, unknown> {
  const {
    id: _id,
    missingLanguages: _missing,
    inUse: _used,
    createdAt: _c,
    updatedAt: _u,
    ...view
  } = toCriterion(entity);
  return view;
}

const TEXTS = ['unit', 'name', 'definition', 'interpretation'] as const;
const OPTIONAL_TEXTS = ['numeratorDefinition', 'denominatorDefinition'] as const;
const NUMBERS = ['minValue', 'maxValue', 'scaleMin', 'scaleMax', 'rateMultiplier'] as const;

@Injectable()
export class CriteriaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(auth: AuthContext, query: CriterionQueryDto): Promise<Criterion[]> {
    const qb = this.dataSource
      .getRepository(CriterionEntity)
      .createQueryBuilder('c')
      .where('c.organiser_id = :organiserId', { organiserId: auth.organiserId });
    if (query.search) {
      const search = `%${query.search.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      qb.andWhere(
        `(lower(c.code) LIKE :search OR lower(c.name->>'fi') LIKE :search OR lower(c.name->>'sv') LIKE :search OR lower(c.name->>'en') LIKE :search)`,
        { search },
      );
    }
    if (query.measureType) qb.andWhere('c.measure_type = :measureType', { measureType: query.measureType });
    const rows = await qb.orderBy('c.code').getMany();
    const used = await this.usedByPublishedTerms(this.dataSource.manager, auth);
    return rows
      .map((row) => toCriterion(row, used.has(row.id)))
      .filter((c) => !query.missingLanguage || (c.missingLanguages ?? []).includes(query.missingLanguage));
  }

  async get(auth: AuthContext, id: string): Promise<Criterion> {
    const em = this.dataSource.manager;
    const row = await organiserRow(em, CriterionEntity, auth, id);
    return toCriterion(row, (await this.usedByPublishedTerms(em, auth, id)).has(id));
  }

  /** The criteria that published terms use (of one criterion when `id` is given). */
  private async usedByPublishedTerms(
    em: EntityManager,
    auth: AuthContext,
    id?: string,
  ): Promise<Set<string>> {
    const rows: { criterion_id: string }[] = await em.query(
      `SELECT DISTINCT i.criterion_id FROM monitoring_terms_item i JOIN monitoring_terms t ON t.id = i.terms_id
        WHERE i.organiser_id = $1 AND t.status = 'PUBLISHED' AND ($2::uuid IS NULL OR i.criterion_id = $2::uuid)`,
      [auth.organiserId, id ?? null],
    );
    return new Set(rows.map((row) => row.criterion_id));
  }

  async create(auth: AuthContext, dto: CreateCriterionDto): Promise<Criterion> {
    const percentage = dto.measureType === 'PERCENTAGE';
    const entity: Omit<CriterionEntity, 'id' | 'createdAt' | 'updatedAt'> = {
      organiserId: auth.organiserId,
      code: dto.code,
      measureType: dto.measureType,
      direction: dto.direction,
      unit: trimmed(dto.unit),
      name: trimmed(dto.name),
      definition: trimmed(dto.definition),
      interpretation: trimmed(dto.interpretation),
      numeratorDefinition: dto.numeratorDefinition ? trimmed(dto.numeratorDefinition) : null,
      denominatorDefinition: dto.denominatorDefinition ? trimmed(dto.denominatorDefinition) : null,
      // A percentage lies between 0 and 100 unless the criterion narrows it.
      minValue: dto.minValue !== undefined ? dto.minValue : percentage ? 0 : null,
      maxValue: dto.maxValue !== undefined ? dto.maxValue : percentage ? 100 : null,
      decimals: dto.decimals ?? 0,
      scaleMin: dto.scaleMin ?? null,
      scaleMax: dto.scaleMax ?? null,
      rateMultiplier: dto.rateMultiplier ?? null,
      allowNotApplicable: dto.allowNotApplicable ?? false,
    };
    const issues = criterionRuleIssues(entity);
    if (issues.length > 0) throw new DomainError('RULE_VIOLATION', {}, issues);
    return this.dataSource.transaction(async (em) => {
      await this.assertCodeFree(em, auth, dto.code);
      const saved = await em.save(CriterionEntity, em.create(CriterionEntity, entity));
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'catalogue.criterion.create',
        entityType: 'criterion',
        entityId: saved.id,
        after: auditView(saved),
      });
      return toCriterion(saved);
    });
  }

  /** Texts may always be corrected; what published terms rely on is frozen once they use it. */
  async update(auth: AuthContext, id: string, dto: UpdateCriterionDto): Promise<Criterion> {
    return this.dataSource.transaction(async (em) => {
      const current = await organiserRow(em, CriterionEntity, auth, id, { lock: true });
      const before = auditView(current);
      const next: CriterionEntity = { ...current };
      if (dto.code !== undefined) next.code = dto.code;
      if (dto.measureType !== undefined) next.measureType = dto.measureType;
      if (dto.direction !== undefined) next.direction = dto.direction;
      if (dto.decimals !== undefined) next.decimals = dto.decimals;
      if (dto.allowNotApplicable !== undefined) next.allowNotApplicable = dto.allowNotApplicable;
      for (const field of TEXTS) {
        const text = dto[field];
        if (text !== undefined) next[field] = trimmed(text);
      }
      for (const field of OPTIONAL_TEXTS) {
        const text = dto[field];
        if (text !== undefined) next[field] = text === null ? null : trimmed(text);
      }
      for (const field of NUMBERS) {
        const value = dto[field];
        if (value !== undefined) next[field] = value;
      }
      const issues = criterionRuleIssues(next);
      if (issues.length > 0) throw new DomainError('RULE_VIOLATION', {}, issues);

      const frozen: FieldIssue[] = FROZEN_WHEN_USED.filter((field) => next[field] !== current[field]).map(
        (field) => ({ field, problem: 'frozenInUse' }),
      );
      const inUse = (await this.usedByPublishedTerms(em, auth, id)).has(id);
      if (frozen.length > 0 && inUse) throw new DomainError('CRITERION_IN_USE', {}, frozen);
      if (next.code !== current.code) await this.assertCodeFree(em, auth, next.code);
      const saved = await em.save(CriterionEntity, next);
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'catalogue.criterion.update',
        entityType: 'criterion',
        entityId: id,
        before,
        after: auditView(saved),
      });
      return toCriterion(saved, inUse);
    });
  }

  private async assertCodeFree(em: EntityManager, auth: AuthContext, code: string): Promise<void> {
    const taken = await em.findOne(CriterionEntity, { where: { organiserId: auth.organiserId, code } });
    if (taken) throw new DomainError('CODE_TAKEN', { code }, [{ field: 'code', problem: 'taken' }]);
  }
}
