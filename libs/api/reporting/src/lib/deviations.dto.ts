import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import {
  CODE_PATTERN,
  DEVIATION_KINDS,
  DEVIATION_STATUSES,
  DeviationKind,
  DeviationStatus,
} from '@sopu/shared';
import { IsIsoDate, PageQueryDto } from '@sopu/api/platform';

export class DeviationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() producerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() reportId?: string;
  @ApiPropertyOptional({ example: 'HOME_CARE' }) @IsOptional() @Matches(CODE_PATTERN) service?: string;
  @ApiPropertyOptional({ example: 'HC_FALLS' }) @IsOptional() @Matches(CODE_PATTERN) criterion?: string;
  @ApiPropertyOptional({ enum: DEVIATION_KINDS }) @IsOptional() @IsIn(DEVIATION_KINDS) kind?: DeviationKind;
  @ApiPropertyOptional({ enum: DEVIATION_STATUSES })
  @IsOptional()
  @IsIn(DEVIATION_STATUSES)
  status?: DeviationStatus;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsIsoDate() from?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsIsoDate() to?: string;

  @ApiPropertyOptional({ description: 'Only deviations with no corrective action yet' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  withoutAction?: boolean;
}
