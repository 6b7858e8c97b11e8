import { Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere, LessThanOrEqual, MoreThanOrEqual, And } from 'typeorm';
import { Page, ReportObligation } from '@sopu/shared';
import { AuthContext } from '@sopu/api/platform';
import { ReportEntity } from './report.entity';
import { ReportQueryDto } from './reports.dto';

export function toReportObligation(entity: ReportEntity): ReportObligation {
  return {
    id: entity.id,
    contractId: entity.contractId,
    contractServiceId: entity.contractServiceId,
    producerId: entity.producerId,
    serviceCode: entity.serviceCode,
    termsId: entity.termsId,
    periodType: entity.periodType,
    periodStart: entity.periodStart,
    periodEnd: entity.periodEnd,
    dueDate: entity.dueDate,
    status: entity.status,
  };
}

@Injectable()
export class ReportsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The organiser's reports, newest period first; a reporter's are only their own producer's. */
  async list(auth: AuthContext, query: ReportQueryDto): Promise<Page<ReportObligation>> {
    const where: FindOptionsWhere<ReportEntity> = { organiserId: auth.organiserId };
    if (auth.role === 'PROVIDER_REPORTER') where.producerId = auth.producerId ?? '';
    else if (query.producerId) where.producerId = query.producerId;
    if (query.contractId) where.contractId = query.contractId;
    if (query.service) where.serviceCode = query.service;
    if (query.status) where.status = query.status;
    if (query.periodType) where.periodType = query.periodType;
    if (query.from && query.to)
      where.periodStart = And(MoreThanOrEqual(query.from), LessThanOrEqual(query.to));
    else if (query.from) where.periodStart = MoreThanOrEqual(query.from);
    else if (query.to) where.periodStart = LessThanOrEqual(query.to);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 100;
    const [rows, total] = await this.dataSource.manager.findAndCount(ReportEntity, {
      where,
      order: { periodStart: 'DESC', serviceCode: 'ASC', periodType: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toReportObligation), total, page, pageSize };
  }
}
