import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEventView, Page } from '@sopu/shared';
import { Access, Auth, AuthContext } from '@sopu/api/platform';
import { AuditQueryDto } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Access.roles('ADMIN')
  @ApiOperation({ summary: "The organiser's audit log, newest first, filterable and paged" })
  list(@Auth() auth: AuthContext, @Query() query: AuditQueryDto): Promise<Page<AuditEventView>> {
    return this.audit.list(auth, query);
  }
}
