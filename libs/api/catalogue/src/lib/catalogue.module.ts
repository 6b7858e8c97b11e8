import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CriteriaController } from './criteria/criteria.controller';
import { CriteriaService } from './criteria/criteria.service';
import { CriterionEntity } from './criteria/criterion.entity';
import { MonitoringTermsController } from './monitoring-terms/monitoring-terms.controller';
import { MonitoringTermsEntity, MonitoringTermsItemEntity } from './monitoring-terms/monitoring-terms.entity';
import { MonitoringTermsService } from './monitoring-terms/monitoring-terms.service';
import { ServiceDescriptionEntity } from './service-descriptions/service-description.entity';
import { ServiceDescriptionsController } from './service-descriptions/service-descriptions.controller';
import { ServiceDescriptionsService } from './service-descriptions/service-descriptions.service';

export const CATALOGUE_ENTITIES = [
  ServiceDescriptionEntity,
  CriterionEntity,
  MonitoringTermsEntity,
  MonitoringTermsItemEntity,
];

@Module({
  imports: [TypeOrmModule.forFeature(CATALOGUE_ENTITIES)],
  controllers: [ServiceDescriptionsController, CriteriaController, MonitoringTermsController],
  providers: [ServiceDescriptionsService, CriteriaService, MonitoringTermsService],
  exports: [ServiceDescriptionsService, CriteriaService, MonitoringTermsService],
})
export class CatalogueModule {}
