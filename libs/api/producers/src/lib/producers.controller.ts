import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Producer, ProducerDetail, ServiceUnit } from '@sopu/shared';
import { Access, Auth, AuthContext } from '@sopu/api/platform';
import { ProducersService } from './producers.service';
import {
  CreateProducerDto,
  CreateServiceUnitDto,
  ProducerDetailDto,
  ProducerDto,
  ProducerQueryDto,
  ServiceUnitDto,
  UpdateProducerDto,
  UpdateServiceUnitDto,
} from './producer.dto';

const uuid = new ParseUUIDPipe();

@ApiTags('producers')
@ApiBearerAuth()
@Controller('producers')
export class ProducersController {
  constructor(private readonly producers: ProducersService) {}

  @Get()
  @Access.producerScoped('ADMIN', 'CONTRACT_MANAGER', 'ANALYST', 'PROVIDER_REPORTER')
  @ApiOperation({ summary: "The organiser's producers (a reporter: only their own), with filters" })
  @ApiOkResponse({ type: [ProducerDto] })
  list(@Auth() auth: AuthContext, @Query() query: ProducerQueryDto): Promise<Producer[]> {
    return this.producers.list(auth, query);
  }

  @Get(':id')
  @Access.producerScoped('ADMIN', 'CONTRACT_MANAGER', 'ANALYST', 'PROVIDER_REPORTER')
  @ApiOperation({
    summary: "One producer with its service units; another producer's id answers 404 to a reporter",
  })
  @ApiOkResponse({ type: ProducerDetailDto })
  get(@Auth() auth: AuthContext, @Param('id', uuid) id: string): Promise<ProducerDetail> {
    return this.producers.get(auth, id);
  }

  @Post()
  @Access.roles('CONTRACT_MANAGER', 'ADMIN')
  @ApiOperation({
    summary: 'Register a producer: an in-house unit, a purchased-service or a voucher provider',
  })
  @ApiCreatedResponse({ type: ProducerDetailDto })
  create(@Auth() auth: AuthContext, @Body() dto: CreateProducerDto): Promise<ProducerDetail> {
    return this.producers.create(auth, dto);
  }

  @Patch(':id')
  @Access.roles('CONTRACT_MANAGER', 'ADMIN')
  @ApiOperation({ summary: 'Change a producer' })
  @ApiOkResponse({ type: ProducerDetailDto })
  update(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateProducerDto,
  ): Promise<ProducerDetail> {
    return this.producers.update(auth, id, dto);
  }

  @Post(':id/units')
  @Access.roles('CONTRACT_MANAGER', 'ADMIN')
  @ApiOperation({ summary: 'Add a service unit to a producer' })
  @ApiCreatedResponse({ type: ServiceUnitDto })
  addUnit(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() dto: CreateServiceUnitDto,
  ): Promise<ServiceUnit> {
    return this.producers.addUnit(auth, id, dto);
  }

  @Patch(':id/units/:unitId')
  @Access.roles('CONTRACT_MANAGER', 'ADMIN')
  @ApiOperation({ summary: 'Change a service unit' })
  @ApiOkResponse({ type: ServiceUnitDto })
  updateUnit(
    @Auth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('unitId', uuid) unitId: string,
    @Body() dto: UpdateServiceUnitDto,
  ): Promise<ServiceUnit> {
    return this.producers.updateUnit(auth, id, unitId, dto);
  }
}
