import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ProducerType } from '@sopu/shared';

/** An in-house unit or an external organisation that produces services for one organiser. */
@Entity({ name: 'producer' })
export class ProducerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organiser_id', type: 'uuid' })
  organiserId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: ProducerType;

  @Column({ name: 'business_id', type: 'varchar', length: 9, nullable: true })
  businessId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
