import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DescriptionStatus, Localized, OutputUnit, ServiceArea } from '@sopu/shared';

/** One version of a uniform service description; versions of a code share the code. */
@Entity({ name: 'service_description' })
export class ServiceDescriptionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organiser_id', type: 'uuid' }) organiserId!: string;
  @Column({ type: 'varchar', length: 40 }) code!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'varchar', length: 20 }) status!: DescriptionStatus;
  @Column({ type: 'varchar', length: 40 }) area!: ServiceArea;
  @Column({ name: 'output_unit', type: 'varchar', length: 40 }) outputUnit!: OutputUnit;
  @Column({ type: 'jsonb' }) name!: Localized;
  @Column({ type: 'jsonb' }) description!: Localized;
  @Column({ type: 'jsonb' }) inclusions!: Localized;
  @Column({ name: 'target_group', type: 'jsonb' }) targetGroup!: Localized;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
