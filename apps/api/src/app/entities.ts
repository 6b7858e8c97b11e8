import { AuditEventEntity } from '@sopu/api/audit';
import { SessionEntity, UserEntity } from '@sopu/api/auth';
import {
  CriterionEntity,
  MonitoringTermsEntity,
  MonitoringTermsItemEntity,
  ServiceDescriptionEntity,
} from '@sopu/api/catalogue';
import {
  ContractDocumentEntity,
  ContractEntity,
  ContractEventEntity,
  ContractServiceEntity,
  ContractServiceTermsEntity,
} from '@sopu/api/contracts';
import { OrganiserEntity } from '@sopu/api/organisers';
import { ReportEntity } from '@sopu/api/reporting';
import { ProducerEntity, ServiceUnitEntity } from '@sopu/api/producers';

/** Every entity, listed: the bundled API has no source tree for TypeORM to glob. */
export const ENTITIES = [
  OrganiserEntity,
  ProducerEntity,
  ServiceUnitEntity,
  UserEntity,
  SessionEntity,
  AuditEventEntity,
  ServiceDescriptionEntity,
  CriterionEntity,
  MonitoringTermsEntity,
  MonitoringTermsItemEntity,
  ContractEntity,
  ContractServiceEntity,
  ContractServiceTermsEntity,
  ContractEventEntity,
  ContractDocumentEntity,
  ReportEntity,
];
