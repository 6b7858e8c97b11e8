import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ExpectedReportStatus, PeriodType, ReportValueInput } from '@sopu/shared';

/** One producer's report for one contract service and one period; created as an expected report. */
@Entity({ name: 'report' })
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organiser_id', type: 'uuid' }) organiserId!: string;
  @Column({ name: 'contract_id', type: 'uuid' }) contractId!: string;
  @Column({ name: 'contract_service_id', type: 'uuid' }) contractServiceId!: string;
  @Column({ name: 'producer_id', type: 'uuid' }) producerId!: string;
  @Column({ name: 'service_code', type: 'varchar', length: 40 }) serviceCode!: string;
  @Column({ name: 'terms_id', type: 'uuid' }) termsId!: string;
  @Column({ name: 'period_type', type: 'varchar', length: 10 }) periodType!: PeriodType;
  @Column({ name: 'period_start', type: 'date' }) periodStart!: string;
  @Column({ name: 'period_end', type: 'date' }) periodEnd!: string;
  @Column({ name: 'due_date', type: 'date' }) dueDate!: string;
  @Column({ type: 'varchar', length: 20 }) status!: ExpectedReportStatus;
  /** The draft by criterion code, as last saved. */
  @Column({ type: 'jsonb' }) draft!: Record<string, ReportValueInput>;
  @Column({ name: 'draft_version', type: 'integer' }) draftVersion!: number;
  @Column({ name: 'draft_saved_at', type: 'timestamptz', nullable: true }) draftSavedAt!: Date | null;
  @Column({ name: 'revision_count', type: 'integer' }) revisionCount!: number;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
