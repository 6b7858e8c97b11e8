import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Direction, Localized, MeasureType } from '@sopu/shared';
import { NUMERIC } from '../numeric-column';

/** One measurable thing, used by monitoring terms of any service. */
@Entity({ name: 'criterion' })
export class CriterionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organiser_id', type: 'uuid' }) organiserId!: string;
  @Column({ type: 'varchar', length: 40 }) code!: string;
  @Column({ name: 'measure_type', type: 'varchar', length: 20 }) measureType!: MeasureType;
  @Column({ type: 'varchar', length: 20 }) direction!: Direction;
  @Column({ type: 'jsonb' }) unit!: Localized;
  @Column({ type: 'jsonb' }) name!: Localized;
  @Column({ type: 'jsonb' }) definition!: Localized;
  @Column({ type: 'jsonb' }) interpretation!: Localized;
  @Column({ name: 'numerator_definition', type: 'jsonb', nullable: true })
  numeratorDefinition!: Localized | null;
  @Column({ name: 'denominator_definition', type: 'jsonb', nullable: true })
  denominatorDefinition!: Localized | null;
  @Column({ name: 'min_value', type: 'numeric', nullable: true, transformer: NUMERIC })
  minValue!: number | null;
  @Column({ name: 'max_value', type: 'numeric', nullable: true, transformer: NUMERIC })
  maxValue!: number | null;
  @Column({ type: 'integer' }) decimals!: number;
  @Column({ name: 'scale_min', type: 'numeric', nullable: true, transformer: NUMERIC })
  scaleMin!: number | null;
  @Column({ name: 'scale_max', type: 'numeric', nullable: true, transformer: NUMERIC })
  scaleMax!: number | null;
  @Column({ name: 'rate_multiplier', type: 'numeric', nullable: true, transformer: NUMERIC })
  rateMultiplier!: number | null;
  @Column({ name: 'allow_not_applicable', type: 'boolean' }) allowNotApplicable!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
