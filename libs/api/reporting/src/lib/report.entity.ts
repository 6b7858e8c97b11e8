import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ExpectedReportStatus, PeriodType } from '@sopu/shared';

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
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
