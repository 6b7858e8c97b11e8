import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  Band,
  MonitoringTerms,
  REPORTING_FREQUENCIES,
  ReportingFrequency,
  TermsComparison,
  TermsItem,
  TermsItemInput,
  TermsStatus,
  TERMS_STATUSES,
  TermsUpdate,
  CODE_PATTERN,
} from '@sopu/shared';
import { IsIsoDate, IsMeasure, IsLocalized, LocalizedDto, Omittable } from '@sopu/api/platform';

const notNull = (_object: object, value: unknown) => value !== null;

export class BandDto implements Band {
  @ApiProperty({ type: Number, nullable: true, description: 'Null: open downwards' })
  @IsOptional()
  @ValidateIf(notNull)
  @IsMeasure()
  min!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Null: open upwards' })
  @IsOptional()
  @ValidateIf(notNull)
  @IsMeasure()
  max!: number | null;
}

export class TermsItemInputDto implements TermsItemInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID() criterionId!: string;
  @ApiProperty() @IsBoolean() required!: boolean;

  @ApiProperty({ type: Number, nullable: true })
  @IsOptional()
  @ValidateIf(notNull)
  @IsMeasure()
  target!: number | null;

  @ApiProperty({ type: BandDto, nullable: true })
  @IsOptional()
  @ValidateIf(notNull)
  @IsObject()
  @ValidateNested()
  @Type(() => BandDto)
  green!: BandDto | null;

  @ApiProperty({ type: BandDto, nullable: true })
  @IsOptional()
  @ValidateIf(notNull)
  @IsObject()
  @ValidateNested()
  @Type(() => BandDto)
  amber!: BandDto | null;

  @ApiProperty({ enum: REPORTING_FREQUENCIES }) @IsIn(REPORTING_FREQUENCIES) frequency!: ReportingFrequency;
  @ApiProperty() @IsBoolean() evidenceRequired!: boolean;

  @ApiPropertyOptional({ type: LocalizedDto, nullable: true })
  @IsOptional()
  @ValidateIf(notNull)
  @IsLocalized()
  note?: LocalizedDto | null;
}

export class CreateTermsDto {
  @ApiProperty({ example: 'HOME_CARE', description: 'Code of the service description' })
  @IsString()
  @Matches(CODE_PATTERN)
  serviceCode!: string;
}

export class UpdateTermsDto implements TermsUpdate {
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-01-01' })
  @IsOptional()
  @ValidateIf(notNull)
  @IsIsoDate()
  validFrom?: string | null;

  @ApiPropertyOptional({ type: [TermsItemInputDto], description: 'Replaces the whole item list' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TermsItemInputDto)
  items?: TermsItemInputDto[];
}

export class TermsQueryDto {
  @ApiPropertyOptional({ example: 'HOME_CARE', description: 'Service description code' })
  @IsOptional()
  @IsString()
  @Matches(CODE_PATTERN)
  service?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2025-06-01',
    description: 'With `service`: answer the one published version in force on this date',
  })
  @IsOptional()
  @IsIsoDate()
  date?: string;
}

export class TermsItemDto implements TermsItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) criterionId!: string;
  @ApiProperty() criterionCode!: string;
  @ApiProperty() required!: boolean;
  @ApiProperty({ type: Number, nullable: true }) target!: number | null;
  @ApiProperty({ type: BandDto, nullable: true }) green!: BandDto | null;
  @ApiProperty({ type: BandDto, nullable: true }) amber!: BandDto | null;
  @ApiProperty({ enum: REPORTING_FREQUENCIES }) frequency!: ReportingFrequency;
  @ApiProperty() evidenceRequired!: boolean;
  @ApiProperty({ type: LocalizedDto, nullable: true }) note!: LocalizedDto | null;
  @ApiProperty() position!: number;
}

@ApiExtraModels(TermsItemDto)
export class MonitoringTermsDto implements MonitoringTerms {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) serviceDescriptionId!: string;
  @ApiProperty() serviceCode!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: TERMS_STATUSES }) status!: TermsStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validFrom!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: [TermsItemDto] }) items!: TermsItemDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

class VersionRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
}

class ValidFromChangeDto {
  @ApiProperty({ type: String, nullable: true }) from!: string | null;
  @ApiProperty({ type: String, nullable: true }) to!: string | null;
}

class FieldChangeDto {
  @ApiProperty() field!: string;
  @ApiProperty({ description: 'Any JSON value' }) from!: unknown;
  @ApiProperty({ description: 'Any JSON value' }) to!: unknown;
}

class ItemChangeDto {
  @ApiProperty() criterionCode!: string;
  @ApiProperty({ type: [FieldChangeDto] }) fields!: FieldChangeDto[];
}

export class TermsComparisonDto implements TermsComparison {
  @ApiProperty({ type: VersionRefDto }) from!: VersionRefDto;
  @ApiProperty({ type: VersionRefDto }) to!: VersionRefDto;
  @ApiProperty({ type: ValidFromChangeDto, nullable: true }) validFrom!: ValidFromChangeDto | null;
  @ApiProperty({ type: [TermsItemDto] }) added!: TermsItemDto[];
  @ApiProperty({ type: [TermsItemDto] }) removed!: TermsItemDto[];
  @ApiProperty({ type: [ItemChangeDto] }) changed!: ItemChangeDto[];
}
