import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ProducerSummary } from '@sopu/shared';
import { Access, Auth, AuthContext } from '@sopu/api/platform';
import { ProducersService } from './producers.service';
import { ProducerSummaryDto } from './producer.dto';

@ApiTags('producers')
@Controller('producers')
export class ProducersController {
  constructor(private readonly producers: ProducersService) {}

  @Get()
  @Access.producerScoped('ADMIN', 'CONTRACT_MANAGER', 'ANALYST', 'PROVIDER_REPORTER')
  @ApiOkResponse({ type: [ProducerSummaryDto] })
  list(@Auth() auth: AuthContext): Promise<ProducerSummary[]> {
    return this.producers.list(auth);
  }
}
