import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Localized, ReportingFrequency, TermsStatus } from '@sopu/shared';
import { NUMERIC } from '../numeric-column';

/** One version of the monitoring terms of a service code. Published rows are frozen by a trigger. */
@Entity({ name: 'monitoring_terms' })
export class MonitoringTermsEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organiser_id', type: 'uuid' }) organiserId!: string;
  @Column({ name: 'service_code', type: 'varchar', length: 40 }) serviceCode!: string;
  @Column({ name: 'service_description_id', type: 'uuid' }) serviceDescriptionId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'varchar', length: 20 }) status!: TermsStatus;
  /** A calendar date, kept as `YYYY-MM-DD` text so no time zone can shift it. */
  @Column({ name: 'valid_from', type: 'date', nullable: true }) validFrom!: string | null;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One criterion of a terms version, with its target and traffic-light bands. */
@Entity({ name: 'monitoring_terms_item' })
export class MonitoringTermsItemEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organiser_id', type: 'uuid' }) organiserId!: string;
  @Column({ name: 'terms_id', type: 'uuid' }) termsId!: string;
  @Column({ name: 'criterion_id', type: 'uuid' }) criterionId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'boolean' }) required!: boolean;
  @Column({ type: 'numeric', nullable: true, transformer: NUMERIC }) target!: number | null;
  @Column({ name: 'has_green', type: 'boolean' }) hasGreen!: boolean;
  @Column({ name: 'green_min', type: 'numeric', nullable: true, transformer: NUMERIC })
  greenMin!: number | null;
  @Column({ name: 'green_max', type: 'numeric', nullable: true, transformer: NUMERIC })
  greenMax!: number | null;
  @Column({ name: 'has_amber', type: 'boolean' }) hasAmber!: boolean;
  @Column({ name: 'amber_min', type: 'numeric', nullable: true, transformer: NUMERIC })
  amberMin!: number | null;
  @Column({ name: 'amber_max', type: 'numeric', nullable: true, transformer: NUMERIC })
  amberMax!: number | null;
  @Column({ type: 'varchar', length: 20 }) frequency!: ReportingFrequency;
  @Column({ name: 'evidence_required', type: 'boolean' }) evidenceRequired!: boolean;
  @Column({ type: 'jsonb', nullable: true }) note!: Localized | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
