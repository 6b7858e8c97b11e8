import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Criterion } from '@sopu/shared';
import { Access, Auth, AuthContext } from '@sopu/api/platform';
import { CreateCriterionDto, CriterionDto, CriterionQueryDto, UpdateCriterionDto } from './criteria.dto';
import { CriteriaService } from './criteria.service';

@ApiTags('criteria')
@ApiBearerAuth()
@Controller('criteria')
export class CriteriaController {
  constructor(private readonly criteria: CriteriaService) {}

  @Get()
  @Access.producerScoped('ADMIN', 'CONTRACT_MANAGER', 'ANALYST', 'PROVIDER_REPORTER')
  @ApiOperation({ summary: "The organiser's quality criteria" })
  @ApiOkResponse({ type: [CriterionDto] })
  list(@Auth() auth: AuthContext, @Query() query: CriterionQueryDto): Promise<Criterion[]> {
    return this.criteria.list(auth, query);
  }

  @Get(':id')
  @Access.producerScoped('ADMIN', 'CONTRACT_MANAGER', 'ANALYST', 'PROVIDER_REPORTER')
  @ApiOperation({ summary: 'One quality criterion' })
  @ApiOkResponse({ type: CriterionDto })
  get(@Auth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<Criterion> {
    return this.criteria.get(auth, id);
  }

  @Post()
  @Access.roles('CONTRACT_MANAGER', 'ADMIN')
  @ApiOperation({ summary: 'Create a quality criterion' })
  @ApiCreatedResponse({ type: CriterionDto })
  create(@Auth() auth: AuthContext, @Body() dto: CreateCriterionDto): Promise<Criterion> {
    return this.criteria.create(auth, dto);
  }

  @Patch(':id')
  @Access.roles('CONTRACT_MANAGER', 'ADMIN')
  @ApiOperation({
    summary:
      'Edit a criterion; once published terms use it, only its texts (and not-applicable flag) may change',
  })
  @ApiOkResponse({ type: CriterionDto })
  update(
    @Auth() auth: AuthContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateCriterionDto,
  ): Promise<Criterion> {
    return this.criteria.update(auth, id, dto);
  }
}
