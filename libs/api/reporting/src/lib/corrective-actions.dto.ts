import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
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
  CORRECTIVE_ACTION_MAX_WORKING_DAYS,
  CORRECTIVE_ACTION_SEVERITIES,
  CORRECTIVE_ACTION_STATUSES,
  CORRECTIVE_ACTION_TEXT_MAX,
  CorrectiveActionCloseInput,
  CorrectiveActionDecisionInput,
  CorrectiveActionInput,
  CorrectiveActionPlanInput,
  CorrectiveActionSeverity,
  CorrectiveActionStatus,
  PLAN_DECISIONS,
  PlanDecision,
} from '@sopu/shared';
import { PageQueryDto } from '@sopu/api/platform';

/** Surrounding white space is never meant: "  " is an empty text. */
const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class CreateCorrectiveActionDto implements CorrectiveActionInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID() deviationId!: string;

  @ApiProperty({ description: 'What the producer is asked to fix (no personal data of clients)' })
  @trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CORRECTIVE_ACTION_TEXT_MAX)
  description!: string;

  @ApiProperty({ enum: CORRECTIVE_ACTION_SEVERITIES })
  @IsIn(CORRECTIVE_ACTION_SEVERITIES)
  severity!: CorrectiveActionSeverity;

  @ApiProperty({
    minimum: 1,
    maximum: CORRECTIVE_ACTION_MAX_WORKING_DAYS,
    description: 'Finnish working days from today',
  })
  @IsInt()
  @Min(1)
  @Max(CORRECTIVE_ACTION_MAX_WORKING_DAYS)
  workingDays!: number;
}

class VersionedDto {
  @ApiProperty({
    minimum: 1,
    description: 'The version the client loaded; a newer one answers 409 STALE_VERSION',
  })
  @IsInt()
  @Min(1)
  version!: number;
}

export class PlanDto extends VersionedDto implements CorrectiveActionPlanInput {
  @ApiProperty({
    maxLength: CORRECTIVE_ACTION_TEXT_MAX,
    description: "The producer's plan (no personal data of clients)",
  })
  @trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CORRECTIVE_ACTION_TEXT_MAX)
  plan!: string;
}

export class DecisionDto extends VersionedDto implements CorrectiveActionDecisionInput {
  @ApiProperty({ enum: PLAN_DECISIONS }) @IsIn(PLAN_DECISIONS) decision!: PlanDecision;

  @ApiPropertyOptional({ maxLength: CORRECTIVE_ACTION_TEXT_MAX, description: 'Required when rejecting' })
  @IsOptional()
  @trimmed()
  @IsString()
  @MaxLength(CORRECTIVE_ACTION_TEXT_MAX)
  comment?: string | null;
}

export class CloseDto extends VersionedDto implements CorrectiveActionCloseInput {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A later report of the same contract service without the deviation',
  })
  @IsOptional()
  @IsUUID()
  reportId?: string | null;

  @ApiPropertyOptional({
    maxLength: CORRECTIVE_ACTION_TEXT_MAX,
    description: 'Why the action is closed without such a report',
  })
  @IsOptional()
  @trimmed()
  @IsString()
  @MaxLength(CORRECTIVE_ACTION_TEXT_MAX)
  reason?: string | null;
}

export class CorrectiveActionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CORRECTIVE_ACTION_STATUSES })
  @IsOptional()
  @IsIn(CORRECTIVE_ACTION_STATUSES)
  status?: CorrectiveActionStatus;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() producerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() contractId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() deviationId?: string;
  @ApiPropertyOptional({ example: 'HOME_CARE' }) @IsOptional() @Matches(CODE_PATTERN) service?: string;

  @ApiPropertyOptional({
    description: 'true: only actions past their due date and not closed; false: only the others',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}
