import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  Contract,
  ContractDocument,
  ContractEvent,
  ContractSummary,
  DOCUMENT_MAX_BYTES,
  Page,
  ReportObligation,
} from '@sopu/shared';
import { Access, Auth, AuthContext, DocumentUploadQueryDto, readBody, sendFile } from '@sopu/api/platform';
import { ReportsService } from '@sopu/api/reporting';
import {
  ContractDocumentDto,
  ContractDto,
  ContractEventDto,
  ContractQueryDto,
  ContractSummaryDto,
  CreateContractDto,
  StatusChangeDto,
  UpdateContractDto,
} from './contract.dto';
import { ContractsService } from './contracts.service';

const READERS = ['ADMIN', 'CONTRACT_MANAGER', 'ANALYST', 'PROVIDER_REPORTER'] as const;
const uuid = new ParseUUIDPipe();

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly reports: ReportsService,
  ) {}

  @Get()
  @Access.producerScoped(...READERS)
  @ApiOperation({ summary: "Contracts, filtered (e.g. `endingWithinDays=90`); a reporter's own only" })
  @ApiOkResponse({ type: [ContractSummaryDto] })
  list(@Auth() auth: AuthContext, @Query() query: ContractQueryDto): Promise<ContractSummary[]> {
    return this.contracts.list(auth, query);
  }

  @Get(':id')
  @Access.producerScoped(...READERS)
  @ApiOperation({ summary: 'One contract with its services and the terms versions they report against' })
  @ApiOkResponse({ type: ContractDto })
  get(@Auth() auth: AuthContext, @Param('id', uuid) id: string): Promise<Contract> {
    return this.contracts.get(auth, id);
  }

  @Get(':id/history')
  @Access.producerScoped(...READERS)
  @ApiOperation({ summary: 'Creation, status changes and amendments with what changed, newest first' })
  @ApiOkResponse({ type: [ContractEventDto] })
  history(@Auth() auth: AuthContext, @Param('id', uuid) id: string): Promise<ContractEvent[]> {
    return this.contracts.history(auth, id);
  }

  @Get(':id/obligations')
  @Access.producerScoped(...READERS)
  @ApiOperation({ summary: 'The reports the contract calls for, newest period first' })
  async obligations(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
  ): Promise<Page<ReportObligation>> {
    await this.contracts.assertVisible(auth, id);
    return this.reports.list(auth, { contractId: id, pageSize: 500 });
  }

  @Post()
  @Access.roles('CONTRACT_MANAGER', 'ADMIN')
  @ApiOperation({ summary: 'Register a contract as a draft' })
  @ApiCreatedResponse({ type: ContractDto })
  create(@Auth() auth: AuthContext, @Body() dto: CreateContractDto): Promise<Contract> {
    return this.contracts.create(auth, dto);
  }

  @Patch(':id')
  @Access.roles('CONTRACT_MANAGER', 'ADMIN')
  @ApiOperation({
    summary:
      'Edit a draft; on an active or suspended contract every change is an amendment (reason, effective date)',
  })
  @ApiOkResponse({ type: ContractDto })
  update(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateContractDto,
  ): Promise<Contract> {
    return this.contracts.update(auth, id, dto);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Access.roles('CONTRACT_MANAGER', 'ADMIN')
  @ApiOperation({ summary: 'DRAFT → ACTIVE ⇄ SUSPENDED → ENDED or TERMINATED, with a reason; others 409' })
  @ApiOkResponse({ type: ContractDto })
  changeStatus(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() dto: StatusChangeDto,
  ): Promise<Contract> {
    return this.contracts.changeStatus(auth, id, dto);
  }

  @Get(':id/documents')
  @Access.producerScoped(...READERS)
  @ApiOkResponse({ type: [ContractDocumentDto] })
  documents(@Auth() auth: AuthContext, @Param('id', uuid) id: string): Promise<ContractDocument[]> {
    return this.contracts.documents(auth, id);
  }

  @Post(':id/documents')
  @Access.roles('CONTRACT_MANAGER', 'ADMIN')
  @ApiOperation({
    summary: 'Attach a PDF, DOCX or XLSX (≤ 20 MB): the body is the file, `application/octet-stream`',
  })
  @ApiConsumes('application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: ContractDocumentDto })
  async addDocument(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Query() query: DocumentUploadQueryDto,
    @Req() req: Request,
  ): Promise<ContractDocument> {
    const content = await readBody(req, DOCUMENT_MAX_BYTES);
    return this.contracts.addDocument(auth, id, query.filename, content);
  }

  @Get(':id/documents/:documentId')
  @Access.producerScoped(...READERS)
  @ApiOperation({ summary: 'Download a document' })
  @ApiProduces('application/pdf', 'application/octet-stream')
  async download(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('documentId', uuid) documentId: string,
    @Res() res: Response,
  ): Promise<void> {
    const { meta, content } = await this.contracts.document(auth, id, documentId);
    sendFile(res, { ...meta, content });
  }
}
