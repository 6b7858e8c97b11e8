import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SHEET_COLUMNS, SHEET_MAX_BYTES, SheetImportResult } from '@sopu/shared';
import { Access, Auth, AuthContext, languageOf, readBody } from '@sopu/api/platform';
import { SheetImportQueryDto, SheetImportResultDto, SheetTemplateQueryDto } from './report-sheets.dto';
import { ReportSheetsService } from './report-sheets.service';

const FILLERS = ['ADMIN', 'CONTRACT_MANAGER', 'PROVIDER_REPORTER'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const COLUMNS_DOC =
  `Columns, in this order, with these stable English codes as the header row: ${SHEET_COLUMNS.join(', ')}. ` +
  'report_id and criterion_code say where a value belongs; contract_number … unit are for orientation and ' +
  'ignored on import (they may be left out). The entry columns: value, numerator, denominator, respondents ' +
  '(numbers as text, decimal comma or point; PERCENTAGE and RATE as numerator and denominator), flag ' +
  '(1 = yes, 0 = no; yes/no, kyllä/ei, ja/nej and true/false are accepted), text, not_applicable (1 or ' +
  'empty) with not_applicable_reason, comment.';

@ApiTags('report-sheets')
@ApiBearerAuth()
@Controller('report-sheets')
export class ReportSheetsController {
  constructor(private readonly sheets: ReportSheetsService) {}

  @Get('template')
  @Access.producerScoped(...FILLERS)
  @ApiOperation({
    summary: "A spreadsheet of the caller's open reports, one row per report and criterion, with the draft",
    description:
      'Open reports are EXPECTED, DRAFT or RETURNED ones whose period has begun; a reporter gets their own ' +
      "producer's, staff name producerId (or reportId). " +
      `${COLUMNS_DOC} XLSX: a frozen header row, every cell a text cell (never a formula) and an ` +
      "Instructions sheet in the caller's language. CSV: UTF-8 with a BOM, `;` between columns, CRLF; a " +
      'cell starting with =, +, -, @, tab or CR (other than a plain number in a number column) is prefixed ' +
      "with ' so no spreadsheet runs it, and the import takes the ' off again.",
  })
  @ApiProduces(XLSX, 'text/csv')
  @ApiOkResponse({
    description: 'The file, as an attachment',
    content: {
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  async template(
    @Auth() auth: AuthContext,
    @Query() query: SheetTemplateQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.sheets.template(
      auth,
      query,
      languageOf(req as Request & Record<string, unknown>),
    );
    res.setHeader('content-type', file.mediaType);
    res.setHeader('content-length', String(file.content.length));
    res.setHeader('content-disposition', `attachment; filename="${file.filename}"`);
    res.setHeader('cache-control', 'no-store');
    res.end(file.content);
  }

  @Post('import')
  @HttpCode(200)
  @Access.producerScoped(...FILLERS)
  @ApiOperation({
    summary: 'Checks a filled sheet (dryRun=true, the default) or stores its values as drafts, all or none',
    description:
      'The body is the file itself (≤ 5 MB), its type recognised from the content: XLSX by its ZIP ' +
      'package, anything else must be CSV as UTF-8 text (`;`, `,` or tab between columns, detected). ' +
      `${COLUMNS_DOC} A dry run answers 200 with every problem by row (the header is row 1), column and ` +
      "reason in the caller's language. dryRun=false stores every report's draft in one transaction via " +
      'the same rules as PUT /api/reports/{id}/values and answers the new draftVersions; with any problem ' +
      'it answers 400 SHEET_INVALID and stores nothing. A criterion without a row keeps its draft value; a ' +
      'row whose entry cells are all empty clears it. Nothing is submitted: POST /api/reports/{id}/submit ' +
      "stays a separate step. Another producer's report is reported as not found.",
  })
  @ApiConsumes('application/octet-stream', 'text/csv', XLSX)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: SheetImportResultDto })
  @ApiBadRequestResponse({ description: 'SHEET_INVALID with a message per row and column (dryRun=false)' })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than 5 MB' })
  @ApiUnsupportedMediaTypeResponse({ description: 'UNSUPPORTED_SHEET: neither XLSX nor UTF-8 CSV' })
  async import(
    @Auth() auth: AuthContext,
    @Query() query: SheetImportQueryDto,
    @Req() req: Request,
  ): Promise<SheetImportResult> {
    const content = await readBody(req, SHEET_MAX_BYTES);
    return this.sheets.import(
      auth,
      content,
      query.dryRun !== 'false',
      languageOf(req as Request & Record<string, unknown>),
    );
  }
}
