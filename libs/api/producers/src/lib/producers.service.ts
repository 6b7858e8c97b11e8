import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ProducerSummary } from '@sopu/shared';
import { AuthContext, DomainError } from '@sopu/api/platform';
import { ProducerEntity } from './producer.entity';

export function toProducerSummary(entity: ProducerEntity): ProducerSummary {
  return { id: entity.id, name: entity.name, type: entity.type, businessId: entity.businessId };
}

@Injectable()
export class ProducersService {
  constructor(@InjectRepository(ProducerEntity) private readonly producers: Repository<ProducerEntity>) {}

  /** Staff see every producer of their organiser; a reporter sees only their own. */
  async list(auth: AuthContext): Promise<ProducerSummary[]> {
    const where =
      auth.role === 'PROVIDER_REPORTER'
        ? { organiserId: auth.organiserId, id: auth.producerId ?? '' }
        : { organiserId: auth.organiserId };
    const rows = await this.producers.find({ where, order: { name: 'ASC' } });
    return rows.map(toProducerSummary);
  }

  /** The producer, if it belongs to the organiser; otherwise a 404 (never a hint that it exists). */
  async requireInOrganiser(organiserId: string, producerId: string): Promise<ProducerEntity> {
    const producer = await this.producers.findOne({ where: { id: producerId, organiserId } });
    if (!producer) throw new DomainError('NOT_FOUND');
    return producer;
  }
}
