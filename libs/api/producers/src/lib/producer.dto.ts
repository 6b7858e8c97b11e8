import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  LANGUAGES,
  Language,
  MAJOR_DISTRICTS,
  MajorDistrict,
  PRODUCER_STATUSES,
  PRODUCER_TYPES,
  Producer,
  ProducerDetail,
  ProducerInput,
  ProducerStatus,
  ProducerSummary,
  ProducerType,
  ServiceUnit,
  ServiceUnitInput,
} from '@sopu/shared';
import { IsBusinessId, IsPostalCode, IsLocalized, LocalizedDto, Omittable } from '@sopu/api/platform';

const notNull = (_object: object, value: unknown) => value !== null;

export class ProducerSummaryDto implements ProducerSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PRODUCER_TYPES }) type!: ProducerType;
  @ApiProperty({ nullable: true, type: String, example: '0201256-6' }) businessId!: string | null;
}

export class CreateProducerDto implements ProducerInput {
  @ApiProperty({ example: 'Kontulan seniorikeskus' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: PRODUCER_TYPES }) @IsIn(PRODUCER_TYPES) type!: ProducerType;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '1618033-3',
    description: "Check digit validated; an in-house unit carries the organiser's own ID (the default)",
  })
  @IsOptional()
  @ValidateIf(notNull)
  @IsBusinessId()
  businessId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'In-house units only' })
  @IsOptional()
  @ValidateIf(notNull)
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  costCentre?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf(notNull)
  @IsString()
  @MaxLength(200)
  contactName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf(notNull)
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf(notNull)
  @IsString()
  @MaxLength(40)
  contactPhone?: string | null;

  @ApiPropertyOptional({ enum: PRODUCER_STATUSES, default: 'ACTIVE' })
  @Omittable()
  @IsIn(PRODUCER_STATUSES)
  status?: ProducerStatus;
}

export class UpdateProducerDto extends PartialType(CreateProducerDto, { skipNullProperties: false }) {}

export class ProducerQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or the business ID' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: PRODUCER_TYPES }) @IsOptional() @IsIn(PRODUCER_TYPES) type?: ProducerType;

  @ApiPropertyOptional({ enum: MAJOR_DISTRICTS, description: 'Has an active unit in this district' })
  @IsOptional()
  @IsIn(MAJOR_DISTRICTS)
  district?: MajorDistrict;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Has an active unit serving in this language' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ enum: PRODUCER_STATUSES })
  @IsOptional()
  @IsIn(PRODUCER_STATUSES)
  status?: ProducerStatus;
}

export class CreateServiceUnitDto implements ServiceUnitInput {
  @ApiProperty({ type: LocalizedDto })
  @IsLocalized()
  name!: LocalizedDto;

  @ApiProperty({ example: 'Kinaporinkatu 9' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  streetAddress!: string;

  @ApiProperty({ example: '00500' }) @IsPostalCode() postalCode!: string;

  @ApiProperty({ example: 'Helsinki' }) @IsString() @IsNotEmpty() @MaxLength(100) postOffice!: string;

  @ApiProperty({ enum: MAJOR_DISTRICTS }) @IsIn(MAJOR_DISTRICTS) district!: MajorDistrict;

  @ApiProperty({ enum: LANGUAGES, isArray: true, example: ['fi', 'sv'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(LANGUAGES, { each: true })
  languages!: Language[];

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @ValidateIf(notNull)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  capacity?: number | null;

  @ApiPropertyOptional({ default: true }) @Omittable() @IsBoolean() active?: boolean;
}

export class UpdateServiceUnitDto extends PartialType(CreateServiceUnitDto, { skipNullProperties: false }) {}

export class ServiceUnitDto implements ServiceUnit {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) producerId!: string;
  @ApiProperty({ type: LocalizedDto }) name!: LocalizedDto;
  @ApiProperty() streetAddress!: string;
  @ApiProperty() postalCode!: string;
  @ApiProperty() postOffice!: string;
  @ApiProperty({ enum: MAJOR_DISTRICTS }) district!: MajorDistrict;
  @ApiProperty({ enum: LANGUAGES, isArray: true }) languages!: Language[];
  @ApiProperty({ type: Number, nullable: true }) capacity!: number | null;
  @ApiProperty() active!: boolean;
}

export class ProducerDto extends ProducerSummaryDto implements Producer {
  @ApiProperty({ enum: PRODUCER_STATUSES }) status!: ProducerStatus;
  @ApiProperty({ type: String, nullable: true }) costCentre!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactName!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactEmail!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactPhone!: string | null;
  @ApiProperty({ enum: MAJOR_DISTRICTS, isArray: true }) districts!: MajorDistrict[];
  @ApiProperty({ enum: LANGUAGES, isArray: true }) languages!: Language[];
  @ApiProperty() unitCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ProducerDetailDto extends ProducerDto implements ProducerDetail {
  @ApiProperty({ type: [ServiceUnitDto] }) units!: ServiceUnitDto[];
}
