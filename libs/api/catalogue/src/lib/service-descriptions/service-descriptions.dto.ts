import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  DescriptionStatus,
  DESCRIPTION_STATUSES,
  LANGUAGES,
  Language,
  OUTPUT_UNITS,
  OutputUnit,
  SERVICE_AREAS,
  ServiceArea,
  ServiceDescription,
  ServiceDescriptionInput,
  CODE_PATTERN,
} from '@sopu/shared';
import { IsLocalized, LocalizedDto } from '@sopu/api/platform';

export class CreateServiceDescriptionDto implements ServiceDescriptionInput {
  @ApiProperty({ example: 'HOME_CARE', pattern: CODE_PATTERN.source })
  @IsString()
  @Matches(CODE_PATTERN)
  code!: string;

  @ApiProperty({ enum: SERVICE_AREAS }) @IsIn(SERVICE_AREAS) area!: ServiceArea;
  @ApiProperty({ enum: OUTPUT_UNITS }) @IsIn(OUTPUT_UNITS) outputUnit!: OutputUnit;

  @ApiProperty({ type: LocalizedDto })
  @IsLocalized()
  name!: LocalizedDto;
  @ApiProperty({ type: LocalizedDto })
  @IsLocalized()
  description!: LocalizedDto;
  @ApiProperty({ type: LocalizedDto })
  @IsLocalized()
  inclusions!: LocalizedDto;
  @ApiProperty({ type: LocalizedDto })
  @IsLocalized()
  targetGroup!: LocalizedDto;
}

export class UpdateServiceDescriptionDto extends PartialType(CreateServiceDescriptionDto, {
  skipNullProperties: false,
}) {}

export class ServiceDescriptionQueryDto {
  @ApiPropertyOptional({ description: 'Part of the code or of the name in any language' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: SERVICE_AREAS }) @IsOptional() @IsIn(SERVICE_AREAS) area?: ServiceArea;

  @ApiPropertyOptional({ enum: DESCRIPTION_STATUSES, description: 'Status of the latest version' })
  @IsOptional()
  @IsIn(DESCRIPTION_STATUSES)
  status?: DescriptionStatus;

  @ApiPropertyOptional({
    enum: LANGUAGES,
    description: 'Only descriptions with a text missing in this language',
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  missingLanguage?: Language;
}

export class ServiceDescriptionDto implements ServiceDescription {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'HOME_CARE' }) code!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: DESCRIPTION_STATUSES }) status!: DescriptionStatus;
  @ApiProperty({ enum: SERVICE_AREAS }) area!: ServiceArea;
  @ApiProperty({ enum: OUTPUT_UNITS }) outputUnit!: OutputUnit;
  @ApiProperty({ type: LocalizedDto }) name!: LocalizedDto;
  @ApiProperty({ type: LocalizedDto }) description!: LocalizedDto;
  @ApiProperty({ type: LocalizedDto }) inclusions!: LocalizedDto;
  @ApiProperty({ type: LocalizedDto }) targetGroup!: LocalizedDto;
  @ApiProperty({ enum: LANGUAGES, isArray: true }) missingLanguages!: Language[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
