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
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ServiceDescription } from '@sopu/shared';
import { Access, Auth, AuthContext } from '@sopu/api/platform';
import {
  CreateServiceDescriptionDto,
  ServiceDescriptionDto,
  ServiceDescriptionQueryDto,
  UpdateServiceDescriptionDto,
} from './service-descriptions.dto';
import { ServiceDescriptionsService } from './service-descriptions.service';

@ApiTags('service-descriptions')
@ApiBearerAuth()
@Controller('service-descriptions')
export class ServiceDescriptionsController {
  constructor(private readonly descriptions: ServiceDescriptionsService) {}

  @Get()
  @Access.producerScoped('ADMIN', 'CONTRACT_MANAGER', 'ANALYST', 'PROVIDER_REPORTER')
  @ApiOperation({ summary: 'The latest version of each service description (reporters: never a draft)' })
  @ApiOkResponse({ type: [ServiceDescriptionDto] })
  list(@Auth() auth: AuthContext, @Query() query: ServiceDescriptionQueryDto): Promise<ServiceDescription[]> {
    return this.descriptions.list(auth, query);
  }

  @Get(':id')
  @Access.producerScoped('ADMIN', 'CONTRACT_MANAGER', 'ANALYST', 'PROVIDER_REPORTER')
  @ApiOperation({ summary: 'One version of a service description' })
  @ApiOkResponse({ type: ServiceDescriptionDto })
  get(@Auth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<ServiceDescription> {
    return this.descriptions.get(auth, id);
  }

  @Get(':id/versions')
  @Access.producerScoped('ADMIN', 'CONTRACT_MANAGER', 'ANALYST', 'PROVIDER_REPORTER')
  @ApiOperation({ summary: 'Every version of the same code, newest first' })
  @ApiOkResponse({ type: [ServiceDescriptionDto] })
  versions(
    @Auth() auth: AuthContext,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ServiceDescription[]> {
    return this.descriptions.versions(auth, id);
  }

  @Post()
  @Access.roles('CONTRACT_MANAGER', 'ADMIN')
  @ApiOperation({ summary: 'Create version 1 of a new service description as a draft' })
  @ApiCreatedResponse({ type: ServiceDescriptionDto })
  create(@Auth() auth: AuthContext, @Body() dto: CreateServiceDescriptionDto): Promise<ServiceDescription> {
    return this.descriptions.create(auth, dto);
  }

  @Patch(':id')
  @Access.roles('CONTRACT_MANAGER', 'ADMIN')
  @ApiOperation({
    summary:
      'Edit a draft in place (200); on a published version the change becomes a new draft version (201)',
  })
  @ApiOkResponse({ type: ServiceDescriptionDto, description: 'The draft, edited' })
  @ApiCreatedResponse({ type: ServiceDescriptionDto, description: 'A new draft version' })
  async update(
    @Auth() auth: AuthContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateServiceDescriptionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ServiceDescription> {
    const { description, created } = await this.descriptions.update(auth, id, dto);
    res.status(created ? 201 : 200);
    return description;
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Access.roles('CONTRACT_MANAGER', 'ADMIN')
  @ApiOperation({
    summary: 'Publish a draft version (every fi/sv/en text required); the previous one is retired',
  })
  @ApiOkResponse({ type: ServiceDescriptionDto })
  publish(
    @Auth() auth: AuthContext,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ServiceDescription> {
    return this.descriptions.publish(auth, id);
  }
}
