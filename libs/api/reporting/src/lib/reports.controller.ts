import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, ReportObligation } from '@sopu/shared';
import { Access, Auth, AuthContext } from '@sopu/api/platform';
import { ReportPageDto, ReportQueryDto } from './reports.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @Access.producerScoped('ADMIN', 'CONTRACT_MANAGER', 'ANALYST', 'PROVIDER_REPORTER')
  @ApiOperation({ summary: "Expected and submitted reports, filtered and paged; a reporter's own only" })
  @ApiOkResponse({ type: ReportPageDto })
  list(@Auth() auth: AuthContext, @Query() query: ReportQueryDto): Promise<Page<ReportObligation>> {
    return this.reports.list(auth, query);
  }
}
