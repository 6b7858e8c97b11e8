import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  Criterion,
  CriterionInput,
  DIRECTIONS,
  Direction,
  LANGUAGES,
  Language,
  MEASURE_TYPES,
  MeasureType,
  CODE_PATTERN,
} from '@sopu/shared';
import { IsMeasure, IsLocalized, LocalizedDto, Omittable } from '@sopu/api/platform';

const notNull = (_object: object, value: unknown) => value !== null;

export class CreateCriterionDto implements CriterionInput {
  @ApiProperty({ example: 'WAIT_3RD_APPOINTMENT', pattern: CODE_PATTERN.source })
  @IsString()
  @Matches(CODE_PATTERN)
  code!: string;

  @ApiProperty({ enum: MEASURE_TYPES }) @IsIn(MEASURE_TYPES) measureType!: MeasureType;
  @ApiProperty({ enum: DIRECTIONS }) @IsIn(DIRECTIONS) direction!: Direction;

  @ApiProperty({ type: LocalizedDto })
  @IsLocalized()
  unit!: LocalizedDto;
  @ApiProperty({ type: LocalizedDto })
  @IsLocalized()
  name!: LocalizedDto;
  @ApiProperty({ type: LocalizedDto })
  @IsLocalized()
  definition!: LocalizedDto;
  @ApiProperty({ type: LocalizedDto })
  @IsLocalized()
  interpretation!: LocalizedDto;

  @ApiPropertyOptional({ type: LocalizedDto, nullable: true, description: 'PERCENTAGE and RATE' })
  @IsOptional()
  @ValidateIf(notNull)
  @IsLocalized()
  numeratorDefinition?: LocalizedDto | null;

  @ApiPropertyOptional({ type: LocalizedDto, nullable: true, description: 'PERCENTAGE and RATE' })
  @IsOptional()
  @ValidateIf(notNull)
  @IsLocalized()
  denominatorDefinition?: LocalizedDto | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Lowest allowed value (PERCENTAGE: 0)' })
  @IsOptional()
  @ValidateIf(notNull)
  @IsMeasure()
  minValue?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Highest allowed value (PERCENTAGE: 100)',
  })
  @IsOptional()
  @ValidateIf(notNull)
  @IsMeasure()
  maxValue?: number | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 6, default: 0 })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(6)
  decimals?: number;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'SCALE only, e.g. 1' })
  @IsOptional()
  @ValidateIf(notNull)
  @IsMeasure()
  scaleMin?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'SCALE only, e.g. 5' })
  @IsOptional()
  @ValidateIf(notNull)
  @IsMeasure()
  scaleMax?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'RATE only: per how many, e.g. 1000' })
  @IsOptional()
  @ValidateIf(notNull)
  @IsMeasure()
  rateMultiplier?: number | null;

  @ApiPropertyOptional({ default: false }) @Omittable() @IsBoolean() allowNotApplicable?: boolean;
}

export class UpdateCriterionDto extends PartialType(CreateCriterionDto, { skipNullProperties: false }) {}

export class CriterionQueryDto {
  @ApiPropertyOptional({ description: 'Part of the code or of the name in any language' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: MEASURE_TYPES })
  @IsOptional()
  @IsIn(MEASURE_TYPES)
  measureType?: MeasureType;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Only criteria with a text missing in this language' })
  @IsOptional()
  @IsIn(LANGUAGES)
  missingLanguage?: Language;
}

export class CriterionDto implements Criterion {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: MEASURE_TYPES }) measureType!: MeasureType;
  @ApiProperty({ enum: DIRECTIONS }) direction!: Direction;
  @ApiProperty({ type: LocalizedDto }) unit!: LocalizedDto;
  @ApiProperty({ type: LocalizedDto }) name!: LocalizedDto;
  @ApiProperty({ type: LocalizedDto }) definition!: LocalizedDto;
  @ApiProperty({ type: LocalizedDto }) interpretation!: LocalizedDto;
  @ApiProperty({ type: LocalizedDto, nullable: true }) numeratorDefinition!: LocalizedDto | null;
  @ApiProperty({ type: LocalizedDto, nullable: true }) denominatorDefinition!: LocalizedDto | null;
  @ApiProperty({ type: Number, nullable: true }) minValue!: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxValue!: number | null;
  @ApiProperty() decimals!: number;
  @ApiProperty({ type: Number, nullable: true }) scaleMin!: number | null;
  @ApiProperty({ type: Number, nullable: true }) scaleMax!: number | null;
  @ApiProperty({ type: Number, nullable: true }) rateMultiplier!: number | null;
  @ApiProperty() allowNotApplicable!: boolean;
  @ApiProperty({ enum: LANGUAGES, isArray: true }) missingLanguages!: Language[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
