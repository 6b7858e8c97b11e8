import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The city or wellbeing services county that steers the contracts: the root of every record. */
@Entity({ name: 'organiser' })
export class OrganiserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'business_id', type: 'varchar', length: 9 })
  businessId!: string;

  @Column({ name: 'name_fi', type: 'varchar', length: 200 })
  nameFi!: string;

  @Column({ name: 'name_sv', type: 'varchar', length: 200 })
  nameSv!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200 })
  nameEn!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
