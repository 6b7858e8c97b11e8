import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  CODE_PATTERN,
  ExpectedReportStatus,
  REPORT_STATUSES,
  PERIOD_TYPES,
  PeriodType,
  ReportObligation,
  ReportValueInput,
  REVIEW_DECISIONS,
  ReviewDecision,
  ReviewInput,
  TEXT_MAX_LENGTH,
} from '@sopu/shared';
import { DocumentUploadQueryDto, IsIsoDate, IsTextRecord, PageQueryDto, Omittable } from '@sopu/api/platform';

export class ReportQueryDto extends PageQueryDto {
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

export class ReportValuesDto {
  @ApiProperty({
    description: 'The draftVersion of the report as loaded; a newer one on the server answers 409',
  })
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  draftVersion!: number;

  @ApiProperty({
    description:
      'Values by criterion code: numbers as text (value, numerator, denominator, respondents), flag, text, ' +
      'notApplicable with notApplicableReason, comment. A criterion left out is saved empty.',
    example: {
      HC_CLIENT_SATISFACTION: { value: '4.2', respondents: '85' },
      HC_FALLS: { numerator: '3', denominator: '120' },
    },
  })
  @IsObject()
  values!: Record<string, ReportValueInput>;
}

export class ReviewDto implements ReviewInput {
  @ApiProperty({ enum: REVIEW_DECISIONS }) @IsIn(REVIEW_DECISIONS) decision!: ReviewDecision;

  @ApiPropertyOptional({ description: 'Required when returning without comments on values' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH)
  comment?: string | null;

  @ApiPropertyOptional({ description: 'Comments on single values, by criterion code' })
  @Omittable()
  @IsObject()
  @IsTextRecord()
  valueComments?: Record<string, string>;
}

export class AttachmentUploadQueryDto extends DocumentUploadQueryDto {
  @ApiProperty({
    example: 'SELF_MONITORING_PLAN_UP_TO_DATE',
    description: 'The criterion the evidence is for',
  })
  @Matches(CODE_PATTERN)
  criterion!: string;
}
