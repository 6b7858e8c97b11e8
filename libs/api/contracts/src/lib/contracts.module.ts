import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReportingModule } from '@sopu/api/reporting';
import {
  ContractDocumentEntity,
  ContractEntity,
  ContractEventEntity,
  ContractServiceEntity,
  ContractServiceTermsEntity,
} from './contract.entity';
import { ContractsController } from './contracts.controller';
import { ContractsService } from './contracts.service';

export const CONTRACT_ENTITIES = [
  ContractEntity,
  ContractServiceEntity,
  ContractServiceTermsEntity,
  ContractEventEntity,
  ContractDocumentEntity,
];

@Module({
  imports: [TypeOrmModule.forFeature(CONTRACT_ENTITIES), ReportingModule],
  controllers: [ContractsController],
  providers: [ContractsService],
  exports: [ContractsService],
})
export class ContractsModule {}
