import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Language, Localized, MajorDistrict, ProducerStatus, ProducerType } from '@sopu/shared';

/** An in-house unit or an external organisation that produces services for one organiser. */
@Entity({ name: 'producer' })
export class ProducerEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organiser_id', type: 'uuid' }) organiserId!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 40 }) type!: ProducerType;
  @Column({ name: 'business_id', type: 'varchar', length: 9, nullable: true }) businessId!: string | null;
  @Column({ type: 'varchar', length: 20 }) status!: ProducerStatus;
  @Column({ name: 'cost_centre', type: 'varchar', length: 40, nullable: true }) costCentre!: string | null;
  @Column({ name: 'contact_name', type: 'varchar', length: 200, nullable: true }) contactName!: string | null;
  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail!: string | null;
  @Column({ name: 'contact_phone', type: 'varchar', length: 40, nullable: true })
  contactPhone!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** A place where a producer provides services. */
@Entity({ name: 'service_unit' })
export class ServiceUnitEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organiser_id', type: 'uuid' }) organiserId!: string;
  @Column({ name: 'producer_id', type: 'uuid' }) producerId!: string;
  @Column({ type: 'jsonb' }) name!: Localized;
  @Column({ name: 'street_address', type: 'varchar', length: 200 }) streetAddress!: string;
  @Column({ name: 'postal_code', type: 'varchar', length: 5 }) postalCode!: string;
  @Column({ name: 'post_office', type: 'varchar', length: 100 }) postOffice!: string;
  @Column({ type: 'varchar', length: 20 }) district!: MajorDistrict;
  @Column({ type: 'varchar', length: 2, array: true }) languages!: Language[];
  @Column({ type: 'integer', nullable: true }) capacity!: number | null;
  @Column({ type: 'boolean' }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
