import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import {
  CODE_PATTERN,
  ExpectedReportStatus,
  REPORT_STATUSES,
  PERIOD_TYPES,
  PeriodType,
  ReportObligation,
} from '@sopu/shared';
import { IsIsoDate } from '@sopu/api/platform';

export class ReportQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() contractId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() producerId?: string;

  @ApiPropertyOptional({ example: 'HOME_CARE' })
  @IsOptional()
  @Matches(CODE_PATTERN)
  service?: string;

  @ApiPropertyOptional({ enum: REPORT_STATUSES })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: ExpectedReportStatus;
  @ApiPropertyOptional({ enum: PERIOD_TYPES }) @IsOptional() @IsIn(PERIOD_TYPES) periodType?: PeriodType;

  @ApiPropertyOptional({ format: 'date', description: 'Periods starting on or after this day' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Periods starting on or before this day' })
  @IsOptional()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}

export class ReportObligationDto implements ReportObligation {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty({ format: 'uuid' }) contractServiceId!: string;
  @ApiProperty({ format: 'uuid' }) producerId!: string;
  @ApiProperty() serviceCode!: string;
  @ApiProperty({ format: 'uuid' }) termsId!: string;
  @ApiProperty({ enum: PERIOD_TYPES }) periodType!: PeriodType;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ExpectedReportStatus;
}

export class ReportPageDto {
  @ApiProperty({ type: [ReportObligationDto] }) items!: ReportObligationDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
