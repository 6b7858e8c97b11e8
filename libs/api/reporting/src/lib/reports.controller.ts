import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiProduces,
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  Deviation,
  DOCUMENT_MAX_BYTES,
  Page,
  ReportDetail,
  ReportObligation,
  ReportRevision,
  SubmitResult,
} from '@sopu/shared';
import { Access, Auth, AuthContext, readBody, sendFile } from '@sopu/api/platform';
import { DeviationQueryDto } from './deviations.dto';
import { DeviationsService } from './deviations.service';
import {
  AttachmentUploadQueryDto,
  ReportPageDto,
  ReportQueryDto,
  ReportValuesDto,
  ReviewDto,
} from './reports.dto';
import { ReportsService } from './reports.service';
import { ReportWorkService } from './report-work.service';

const uuid = new ParseUUIDPipe();

/** Reporters and staff who may fill a report; a reporter only their own producer's. */
const FILLERS = ['ADMIN', 'CONTRACT_MANAGER', 'PROVIDER_REPORTER'] as const;
const READERS = ['ADMIN', 'CONTRACT_MANAGER', 'ANALYST', 'PROVIDER_REPORTER'] as const;

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly work: ReportWorkService,
  ) {}

  @Get()
  @Access.producerScoped(...READERS)
  @ApiOperation({ summary: "Expected and submitted reports, filtered and paged; a reporter's own only" })
  @ApiOkResponse({ type: ReportPageDto })
  list(@Auth() auth: AuthContext, @Query() query: ReportQueryDto): Promise<Page<ReportObligation>> {
    return this.reports.list(auth, query);
  }

  @Get(':id')
  @Access.producerScoped(...READERS)
  @ApiOperation({
    summary: 'One report: the form made from its terms version, the draft, revisions and reviews',
  })
  detail(@Auth() auth: AuthContext, @Param('id', uuid) id: string): Promise<ReportDetail> {
    return this.work.detail(auth, id);
  }

  @Put(':id/values')
  @Access.producerScoped(...FILLERS)
  @ApiOperation({
    summary: 'Saves the whole draft; draftVersion must be the current one (409 STALE_DRAFT otherwise)',
  })
  @ApiConflictResponse({ description: 'Someone saved in between, or the report is submitted or accepted' })
  saveValues(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() dto: ReportValuesDto,
  ): Promise<ReportDetail> {
    return this.work.saveValues(auth, id, dto.draftVersion, dto.values);
  }

  @Post(':id/submit')
  @Access.producerScoped(...FILLERS)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: '8–200 visible ASCII characters; the same key again answers with the same revision',
  })
  @ApiOperation({
    summary:
      'Submits the draft as an immutable revision: 201, or 200 with the same revision for a repeated key',
  })
  @ApiUnprocessableEntityResponse({ description: 'REPORT_INCOMPLETE with a message per value field' })
  async submit(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SubmitResult> {
    const via = authorization?.startsWith('Bearer ') ? 'API' : 'WEB';
    const { result, replayed } = await this.work.submit(auth, id, key, via);
    res.status(replayed ? 200 : 201);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return result;
  }

  @Post(':id/review')
  @HttpCode(200)
  @Access.roles('ADMIN', 'CONTRACT_MANAGER')
  @ApiOperation({
    summary: 'Accepts the submitted revision or returns it with comments on the report or on values',
  })
  review(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() dto: ReviewDto,
  ): Promise<ReportDetail> {
    return this.work.review(auth, id, dto);
  }

  @Post(':id/corrections')
  @HttpCode(200)
  @Access.producerScoped(...FILLERS)
  @ApiOperation({ summary: 'Opens an accepted report for a correction, which is reviewed again' })
  startCorrection(@Auth() auth: AuthContext, @Param('id', uuid) id: string): Promise<ReportDetail> {
    return this.work.startCorrection(auth, id);
  }

  @Post(':id/attachments')
  @Access.producerScoped(...FILLERS)
  @ApiOperation({
    summary:
      'Attach evidence to one value (PDF, DOCX or XLSX ≤ 20 MB, recognised from content): the body is the file',
  })
  @ApiConsumes('application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  async addAttachment(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Query() query: AttachmentUploadQueryDto,
    @Req() req: Request,
  ): Promise<ReportDetail> {
    const content = await readBody(req, DOCUMENT_MAX_BYTES);
    return this.work.addAttachment(auth, id, query.criterion, query.filename, content);
  }

  @Delete(':id/attachments/:attachmentId')
  @Access.producerScoped(...FILLERS)
  @ApiOperation({
    summary: 'Takes an attachment off the draft (a submitted revision keeps the files it listed)',
  })
  removeAttachment(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('attachmentId', uuid) attachmentId: string,
  ): Promise<ReportDetail> {
    return this.work.removeAttachment(auth, id, attachmentId);
  }

  @Get(':id/attachments/:attachmentId')
  @Access.producerScoped(...READERS)
  @ApiOperation({ summary: 'Download one attachment' })
  @ApiProduces('application/pdf', 'application/octet-stream')
  async attachment(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('attachmentId', uuid) attachmentId: string,
    @Res() res: Response,
  ): Promise<void> {
    sendFile(res, await this.work.attachmentFile(auth, id, attachmentId));
  }

  @Get(':id/revisions/:number')
  @Access.producerScoped(...READERS)
  @ApiOperation({ summary: 'One submitted revision with its values, as submitted' })
  revision(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('number', ParseIntPipe) number: number,
  ): Promise<ReportRevision> {
    return this.work.revision(auth, id, number);
  }
}

@ApiTags('deviations')
@ApiBearerAuth()
@Controller('deviations')
export class DeviationsController {
  constructor(private readonly deviations: DeviationsService) {}

  @Get()
  @Access.producerScoped(...READERS)
  @ApiOperation({ summary: "Red values, missing required values and late reports; a reporter's own only" })
  list(@Auth() auth: AuthContext, @Query() query: DeviationQueryDto): Promise<Page<Deviation>> {
    return this.deviations.list(auth, query);
  }
}
