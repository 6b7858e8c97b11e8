import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import {
  CODE_PATTERN,
  SHEET_FORMATS,
  SheetFormat,
  SheetImportResult,
  SheetProblem,
  SheetReportResult,
} from '@sopu/shared';

export class SheetTemplateQueryDto {
  @ApiProperty({
    enum: SHEET_FORMATS,
    description: 'xlsx: a workbook with an Instructions sheet; csv: UTF-8 with BOM, `;`',
  })
  @IsIn(SHEET_FORMATS)
  format!: SheetFormat;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Staff must name the producer (unless reportId is given); a reporter always gets their own producer's",
  })
  @IsOptional()
  @IsUUID()
  producerId?: string;

  @ApiPropertyOptional({ example: 'HOME_CARE', description: 'Only the reports of this service' })
  @IsOptional()
  @Matches(CODE_PATTERN)
  service?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this report' })
  @IsOptional()
  @IsUUID()
  reportId?: string;
}

export class SheetImportQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'true',
    description: 'true (the default): only check and list the problems; false: store the drafts, all or none',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

export class SheetProblemDto implements SheetProblem {
  @ApiProperty({ description: 'The spreadsheet row; the header is row 1' }) row!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The column code, or null for the whole row' })
  column!: string | null;
  @ApiProperty({ example: 'notNumber' }) problem!: string;
  @ApiProperty({ description: "In the caller's language", example: 'must be a number' }) message!: string;
}

export class SheetReportResultDto implements SheetReportResult {
  @ApiProperty({ format: 'uuid' }) reportId!: string;
  @ApiProperty({ description: 'Criteria the sheet sets or clears in this report' }) criteria!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The new draftVersion; null in a dry run' })
  draftVersion!: number | null;
}

export class SheetImportResultDto implements SheetImportResult {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ enum: SHEET_FORMATS }) format!: SheetFormat;
  @ApiProperty({ description: 'Data rows read' }) rows!: number;
  @ApiProperty({ description: 'Whether the drafts were stored' }) stored!: boolean;
  @ApiProperty({ type: [SheetReportResultDto] }) reports!: SheetReportResultDto[];
  @ApiProperty({ type: [SheetProblemDto], description: 'Any problem stops the import' })
  problems!: SheetProblemDto[];
  @ApiProperty({ type: [SheetProblemDto], description: 'Saved anyway, e.g. a required value left empty' })
  warnings!: SheetProblemDto[];
  @ApiProperty({ description: 'More problems were found than listed (at most 1000 are)' })
  truncated!: boolean;
}
