import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ContractEventKind, ContractKind, ContractStatus, OptionPeriod } from '@sopu/shared';

/** Binds a producer to services: an in-house agreement, a purchase contract or a voucher approval. */
@Entity({ name: 'contract' })
export class ContractEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organiser_id', type: 'uuid' }) organiserId!: string;
  @Column({ name: 'producer_id', type: 'uuid' }) producerId!: string;
  @Column({ type: 'varchar', length: 40 }) number!: string;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'varchar', length: 30 }) kind!: ContractKind;
  @Column({ type: 'varchar', length: 20 }) status!: ContractStatus;
  @Column({ name: 'valid_from', type: 'date' }) validFrom!: string;
  @Column({ name: 'valid_to', type: 'date', nullable: true }) validTo!: string | null;
  /** The day an ENDED or TERMINATED contract stopped: no reporting period starts after it. */
  @Column({ name: 'ended_on', type: 'date', nullable: true }) endedOn!: string | null;
  @Column({ type: 'jsonb' }) options!: OptionPeriod[];
  @Column({ name: 'reporting_due_days', type: 'integer' }) reportingDueDays!: number;
  @Column({ name: 'manager_id', type: 'uuid', nullable: true }) managerId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One service of a contract: its price or voucher value and the units that provide it. */
@Entity({ name: 'contract_service' })
export class ContractServiceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organiser_id', type: 'uuid' }) organiserId!: string;
  @Column({ name: 'contract_id', type: 'uuid' }) contractId!: string;
  @Column({ name: 'service_code', type: 'varchar', length: 40 }) serviceCode!: string;
  /** Exact decimal text: euros are never floating point. */
  @Column({ name: 'unit_price', type: 'numeric' }) unitPrice!: string;
  @Column({ name: 'estimated_volume', type: 'numeric' }) estimatedVolume!: string;
  @Column({ name: 'unit_ids', type: 'uuid', array: true }) unitIds!: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** From `effectiveFrom` on, the service reports against this published terms version. */
@Entity({ name: 'contract_service_terms' })
export class ContractServiceTermsEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organiser_id', type: 'uuid' }) organiserId!: string;
  @Column({ name: 'contract_service_id', type: 'uuid' }) contractServiceId!: string;
  @Column({ name: 'terms_id', type: 'uuid' }) termsId!: string;
  @Column({ name: 'effective_from', type: 'date' }) effectiveFrom!: string;
}

/** The contract's history: creation, status changes and amendments, each with its reason and changes. */
@Entity({ name: 'contract_event' })
export class ContractEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organiser_id', type: 'uuid' }) organiserId!: string;
  @Column({ name: 'contract_id', type: 'uuid' }) contractId!: string;
  @Column({ type: 'varchar', length: 20 }) kind!: ContractEventKind;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'effective_date', type: 'date' }) effectiveDate!: string;
  @Column({ type: 'jsonb' }) changes!: { field: string; from: unknown; to: unknown }[];
  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus!: ContractStatus | null;
  @Column({ name: 'to_status', type: 'varchar', length: 20, nullable: true })
  toStatus!: ContractStatus | null;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ name: 'actor_email', type: 'varchar', length: 254, nullable: true }) actorEmail!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** A contract document, kept in PostgreSQL so that every API instance serves it. */
@Entity({ name: 'contract_document' })
export class ContractDocumentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organiser_id', type: 'uuid' }) organiserId!: string;
  @Column({ name: 'contract_id', type: 'uuid' }) contractId!: string;
  @Column({ type: 'varchar', length: 255 }) filename!: string;
  @Column({ name: 'media_type', type: 'varchar', length: 120 }) mediaType!: string;
  @Column({ type: 'integer' }) size!: number;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  /** Read only when the document is downloaded. */
  @Column({ type: 'bytea', select: false }) content!: Buffer;
  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true }) uploadedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
