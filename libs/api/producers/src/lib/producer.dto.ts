import { ApiProperty } from '@nestjs/swagger';
import { PRODUCER_TYPES, ProducerSummary, ProducerType } from '@sopu/shared';

export class ProducerSummaryDto implements ProducerSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PRODUCER_TYPES }) type!: ProducerType;
  @ApiProperty({ nullable: true, type: String, example: '0201256-6' }) businessId!: string | null;
}
