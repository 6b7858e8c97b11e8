import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  AmendmentInput,
  CODE_PATTERN,
  CONTRACT_EVENT_KINDS,
  CONTRACT_KINDS,
  CONTRACT_STATUSES,
  Contract,
  ContractDocument,
  ContractEvent,
  ContractEventKind,
  ContractInput,
  ContractKind,
  ContractService,
  ContractServiceInput,
  ContractServiceTerms,
  ContractStatus,
  ContractSummary,
  ContractUpdate,
  OptionPeriod,
  PRODUCER_TYPES,
  ProducerType,
  StatusChangeInput,
} from '@sopu/shared';
import { IsIsoDate, Omittable } from '@sopu/api/platform';

const notNull = (_object: object, value: unknown) => value !== null;
/** Euros with at most two decimals, as text so no cent is lost on the way. */
export const MONEY = /^\d{1,10}(\.\d{1,2})?$/;
const VOLUME = /^\d{1,12}(\.\d{1,2})?$/;

export class OptionPeriodDto implements OptionPeriod {
  @ApiProperty({ format: 'date' }) @IsIsoDate() from!: string;
  @ApiProperty({ format: 'date' }) @IsIsoDate() to!: string;
  @ApiProperty() @IsBoolean() exercised!: boolean;
}

export class ContractServiceInputDto implements ContractServiceInput {
  @ApiProperty({ example: 'HOME_CARE' }) @Matches(CODE_PATTERN) serviceCode!: string;
  @ApiProperty({ format: 'uuid', description: 'A published terms version of this very service' })
  @IsUUID()
  termsId!: string;
  @ApiProperty({ example: '52.40', description: 'Euros per output unit (voucher value for vouchers)' })
  @IsString()
  @Matches(MONEY)
  unitPrice!: string;
  @ApiProperty({ example: '12000', description: 'Output units a year' })
  @IsString()
  @Matches(VOLUME)
  estimatedVolume!: string;
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: "The producer's units that provide it",
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  unitIds?: string[];
}

export class CreateContractDto implements ContractInput {
  @ApiProperty({ example: 'HEL-2024-0042' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9/_.-]{0,39}$/)
  number!: string;

  @ApiProperty({ example: 'Kotihoidon ostopalvelu' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ format: 'uuid' }) @IsUUID() producerId!: string;
  @ApiProperty({ enum: CONTRACT_KINDS }) @IsIn(CONTRACT_KINDS) kind!: ContractKind;
  @ApiProperty({ format: 'date' }) @IsIsoDate() validFrom!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Null: until further notice',
  })
  @IsOptional()
  @ValidateIf(notNull)
  @IsIsoDate()
  validTo?: string | null;

  @ApiPropertyOptional({ type: [OptionPeriodDto] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => OptionPeriodDto)
  options?: OptionPeriodDto[];

  @ApiProperty({ example: 15, description: 'A report is due this many days after its period ends' })
  @IsInt()
  @Min(0)
  @Max(365)
  reportingDueDays!: number;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'A contract manager' })
  @IsOptional()
  @ValidateIf(notNull)
  @IsUUID()
  managerId?: string | null;

  @ApiPropertyOptional({ type: [ContractServiceInputDto] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ContractServiceInputDto)
  services?: ContractServiceInputDto[];
}

export class AmendmentDto implements AmendmentInput {
  @ApiProperty({ example: 'Price index adjustment for 2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ format: 'date' }) @IsIsoDate() effectiveDate!: string;
}

export class UpdateContractDto
  extends PartialType(OmitType(CreateContractDto, ['producerId', 'kind'] as const), {
    skipNullProperties: false,
  })
  implements ContractUpdate
{
  @ApiPropertyOptional({
    type: AmendmentDto,
    description: 'Required when the contract is active or suspended: every change is an amendment',
  })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => AmendmentDto)
  amendment?: AmendmentDto;
}

export class StatusChangeDto implements StatusChangeInput {
  @ApiProperty({ enum: CONTRACT_STATUSES }) @IsIn(CONTRACT_STATUSES) status!: ContractStatus;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
  @ApiProperty({ format: 'date' }) @IsIsoDate() effectiveDate!: string;
}

export class ContractQueryDto {
  @ApiPropertyOptional({ description: 'Part of the number, title or producer name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() producerId?: string;
  @ApiPropertyOptional({ enum: CONTRACT_STATUSES })
  @IsOptional()
  @IsIn(CONTRACT_STATUSES)
  status?: ContractStatus;
  @ApiPropertyOptional({ enum: CONTRACT_KINDS }) @IsOptional() @IsIn(CONTRACT_KINDS) kind?: ContractKind;
  @ApiPropertyOptional({ example: 'HOME_CARE' }) @IsOptional() @Matches(CODE_PATTERN) service?: string;

  @ApiPropertyOptional({
    example: 90,
    description: 'Active or suspended contracts ending within this many days',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  endingWithinDays?: number;
}

export class ContractServiceTermsDto implements ContractServiceTerms {
  @ApiProperty({ format: 'uuid' }) termsId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
}

export class ContractServiceDto implements ContractService {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() serviceCode!: string;
  @ApiProperty({ example: '52.40' }) unitPrice!: string;
  @ApiProperty({ example: '12000.00' }) estimatedVolume!: string;
  @ApiProperty({ type: [String] }) unitIds!: string[];
  @ApiProperty({ type: [ContractServiceTermsDto] }) terms!: ContractServiceTermsDto[];
}

export class ContractSummaryDto implements ContractSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) producerId!: string;
  @ApiProperty() producerName!: string;
  @ApiProperty({ enum: PRODUCER_TYPES }) producerType!: ProducerType;
  @ApiProperty({ enum: CONTRACT_KINDS }) kind!: ContractKind;
  @ApiProperty({ enum: CONTRACT_STATUSES }) status!: ContractStatus;
  @ApiProperty({ format: 'date' }) validFrom!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validTo!: string | null;
  @ApiProperty({ type: String, nullable: true }) managerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) managerName!: string | null;
  @ApiProperty({ type: [String] }) serviceCodes!: string[];
}

export class ContractDto extends ContractSummaryDto implements Contract {
  @ApiProperty({ type: [OptionPeriodDto] }) options!: OptionPeriodDto[];
  @ApiProperty() reportingDueDays!: number;
  @ApiProperty({ type: [ContractServiceDto] }) services!: ContractServiceDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

class FieldChangeDto {
  @ApiProperty() field!: string;
  @ApiProperty({ description: 'Any JSON value' }) from!: unknown;
  @ApiProperty({ description: 'Any JSON value' }) to!: unknown;
}

export class ContractEventDto implements ContractEvent {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CONTRACT_EVENT_KINDS }) kind!: ContractEventKind;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date' }) effectiveDate!: string;
  @ApiProperty({ type: [FieldChangeDto] }) changes!: FieldChangeDto[];
  @ApiProperty({ type: String, nullable: true }) actorEmail!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ContractDocumentDto implements ContractDocument {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() filename!: string;
  @ApiProperty() mediaType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
}
