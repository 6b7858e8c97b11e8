import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiProduces,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CorrectiveAction, DOCUMENT_MAX_BYTES, Page } from '@sopu/shared';
import { Access, Auth, AuthContext, DocumentUploadQueryDto, readBody, sendFile } from '@sopu/api/platform';
import {
  CloseDto,
  CorrectiveActionQueryDto,
  CreateCorrectiveActionDto,
  DecisionDto,
  PlanDto,
} from './corrective-actions.dto';
import { CorrectiveActionsService } from './corrective-actions.service';

const uuid = new ParseUUIDPipe();
const READERS = ['ADMIN', 'CONTRACT_MANAGER', 'ANALYST', 'PROVIDER_REPORTER'] as const;

@ApiTags('corrective-actions')
@ApiBearerAuth()
@Controller('corrective-actions')
export class CorrectiveActionsController {
  constructor(private readonly actions: CorrectiveActionsService) {}

  @Get()
  @Access.producerScoped(...READERS)
  @ApiOperation({ summary: "Corrective actions, filtered and paged; a reporter's own producer's only" })
  list(@Auth() auth: AuthContext, @Query() query: CorrectiveActionQueryDto): Promise<Page<CorrectiveAction>> {
    return this.actions.list(auth, query);
  }

  @Get(':id')
  @Access.producerScoped(...READERS)
  @ApiOperation({
    summary: 'One corrective action with its deviation, history, evidence and sanction suggestion',
  })
  @ApiNotFoundResponse({ description: "Missing, or another producer's (for a reporter)" })
  detail(@Auth() auth: AuthContext, @Param('id', uuid) id: string): Promise<CorrectiveAction> {
    return this.actions.detail(auth, id);
  }

  @Post()
  @Access.roles('ADMIN', 'CONTRACT_MANAGER')
  @ApiOperation({
    summary: 'Opens a corrective action on a deviation, due in N Finnish working days from today',
  })
  @ApiConflictResponse({ description: 'ACTION_EXISTS: the deviation already has one' })
  open(@Auth() auth: AuthContext, @Body() dto: CreateCorrectiveActionDto): Promise<CorrectiveAction> {
    return this.actions.open(auth, dto);
  }

  @Post(':id/plan')
  @HttpCode(200)
  @Access.producerScoped('ADMIN', 'CONTRACT_MANAGER', 'PROVIDER_REPORTER')
  @ApiOperation({ summary: "The producer's plan: OPEN or PLAN_REJECTED → PLAN_SUBMITTED" })
  @ApiConflictResponse({ description: 'STALE_VERSION or ILLEGAL_TRANSITION' })
  plan(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() dto: PlanDto,
  ): Promise<CorrectiveAction> {
    return this.actions.submitPlan(auth, id, dto.version, dto.plan);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Access.roles('ADMIN', 'CONTRACT_MANAGER')
  @ApiOperation({ summary: 'Accepts or rejects (with a comment) the submitted plan' })
  @ApiConflictResponse({ description: 'STALE_VERSION or ILLEGAL_TRANSITION' })
  decide(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() dto: DecisionDto,
  ): Promise<CorrectiveAction> {
    return this.actions.decide(auth, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Access.roles('ADMIN', 'CONTRACT_MANAGER')
  @ApiOperation({
    summary:
      'Closes the action on a later report of the same contract service without the deviation, or a reason',
  })
  @ApiConflictResponse({ description: 'STALE_VERSION or ILLEGAL_TRANSITION' })
  @ApiUnprocessableEntityResponse({
    description: 'ACTION_NOT_CLOSABLE with the reason on reportId or reason',
  })
  close(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() dto: CloseDto,
  ): Promise<CorrectiveAction> {
    return this.actions.close(auth, id, dto);
  }

  @Post(':id/evidence')
  @Access.producerScoped('ADMIN', 'CONTRACT_MANAGER', 'PROVIDER_REPORTER')
  @ApiOperation({
    summary: 'Attach evidence (PDF, DOCX or XLSX ≤ 20 MB): the body is the file, `application/octet-stream`',
  })
  @ApiConsumes('application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  async addEvidence(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Query() query: DocumentUploadQueryDto,
    @Req() req: Request,
  ): Promise<CorrectiveAction> {
    const content = await readBody(req, DOCUMENT_MAX_BYTES);
    return this.actions.addEvidence(auth, id, query.filename, content);
  }

  @Get(':id/evidence/:evidenceId')
  @Access.producerScoped(...READERS)
  @ApiOperation({ summary: 'Download one evidence file' })
  @ApiProduces('application/pdf', 'application/octet-stream')
  async evidence(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('evidenceId', uuid) evidenceId: string,
    @Res() res: Response,
  ): Promise<void> {
    sendFile(res, await this.actions.evidenceFile(auth, id, evidenceId));
  }
}
