import { AuditEventEntity } from '@sopu/api/audit';
import { SessionEntity, UserEntity } from '@sopu/api/auth';
import {
  CriterionEntity,
  MonitoringTermsEntity,
  MonitoringTermsItemEntity,
  ServiceDescriptionEntity,
} from '@sopu/api/catalogue';
import { OrganiserEntity } from '@sopu/api/organisers';
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
];
