import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { MonitoringTerms, TermsComparison } from '@sopu/shared';
import { Access, Auth, AuthContext, DomainError } from '@sopu/api/platform';
import {
  CreateTermsDto,
  MonitoringTermsDto,
  TermsComparisonDto,
  TermsQueryDto,
  UpdateTermsDto,
} from './monitoring-terms.dto';
import { MonitoringTermsService } from './monitoring-terms.service';

const READERS = ['ADMIN', 'CONTRACT_MANAGER', 'ANALYST', 'PROVIDER_REPORTER'] as const;

@ApiTags('monitoring-terms')
@ApiBearerAuth()
@ApiExtraModels(MonitoringTermsDto)
@Controller('monitoring-terms')
export class MonitoringTermsController {
  constructor(private readonly terms: MonitoringTermsService) {}

  @Get()
  @Access.producerScoped(...READERS)
  @ApiOperation({
    summary:
      'With `service` and `date`: the one published version in force on that date (404 if none). Otherwise every version (of the service), newest first.',
  })
  @ApiOkResponse({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(MonitoringTermsDto) },
        { type: 'array', items: { $ref: getSchemaPath(MonitoringTermsDto) } },
      ],
    },
  })
  list(
    @Auth() auth: AuthContext,
    @Query() query: TermsQueryDto,
  ): Promise<MonitoringTerms | MonitoringTerms[]> {
    if (query.date) {
      if (!query.service)
        throw new DomainError('VALIDATION_FAILED', {}, [{ field: 'service', problem: 'isNotEmpty' }]);
      return this.terms.inForce(auth, query.service, query.date);
    }
    return this.terms.list(auth, query);
  }

  @Get(':id')
  @Access.producerScoped(...READERS)
  @ApiOperation({ summary: 'One version of monitoring terms with its items' })
  @ApiOkResponse({ type: MonitoringTermsDto })
  get(@Auth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<MonitoringTerms> {
    return this.terms.get(auth, id);
  }

  @Get(':id/compare/:otherId')
  @Access.producerScoped(...READERS)
  @ApiOperation({ summary: 'What changed from this version to the other, items matched by criterion code' })
  @ApiOkResponse({ type: TermsComparisonDto })
  compare(
    @Auth() auth: AuthContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('otherId', new ParseUUIDPipe()) otherId: string,
  ): Promise<TermsComparison> {
    return this.terms.compare(auth, id, otherId);
  }

  @Post()
  @Access.roles('CONTRACT_MANAGER', 'ADMIN')
  @ApiOperation({ summary: 'Start a new empty draft version of the terms of a service' })
  @ApiCreatedResponse({ type: MonitoringTermsDto })
  create(@Auth() auth: AuthContext, @Body() dto: CreateTermsDto): Promise<MonitoringTerms> {
    return this.terms.create(auth, dto);
  }

  @Patch(':id')
  @Access.roles('CONTRACT_MANAGER', 'ADMIN')
  @ApiOperation({
    summary: 'Replace the start date and/or the whole item list of a draft; published terms are frozen (409)',
  })
  @ApiOkResponse({ type: MonitoringTermsDto })
  update(
    @Auth() auth: AuthContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateTermsDto,
  ): Promise<MonitoringTerms> {
    return this.terms.update(auth, id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Access.roles('CONTRACT_MANAGER', 'ADMIN')
  @ApiOperation({
    summary: 'Publish and freeze a draft; 422 names every missing text and inconsistent threshold',
  })
  @ApiOkResponse({ type: MonitoringTermsDto })
  publish(@Auth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<MonitoringTerms> {
    return this.terms.publish(auth, id);
  }

  @Post(':id/new-version')
  @Access.roles('CONTRACT_MANAGER', 'ADMIN')
  @ApiOperation({ summary: 'Copy a version into a new draft (without a start date)' })
  @ApiCreatedResponse({ type: MonitoringTermsDto })
  newVersion(
    @Auth() auth: AuthContext,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<MonitoringTerms> {
    return this.terms.newVersion(auth, id);
  }
}
