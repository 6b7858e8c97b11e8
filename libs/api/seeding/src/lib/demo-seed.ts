import { Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { parse } from 'yaml';
import {
  Language,
  LANGUAGES,
  Localized,
  MAJOR_DISTRICTS,
  MajorDistrict,
  PRODUCER_TYPES,
  ProducerType,
  ROLES,
  Role,
  isValidBusinessId,
} from '@sopu/shared';
import { ADVISORY_LOCKS, withAdvisoryLock } from '@sopu/api/database';
import { hashPassword } from '@sopu/api/auth';
import { CatalogueSeedResult, seedCatalogue } from './catalogue-seed';
import { ContractsSeedResult, seedContracts } from './contracts-seed';
import { ReportsSeedResult, seedReports } from './reports-seed';
import { check } from './seed-check';

interface OrganiserSeed {
  key: string;
  businessId: string;
  name: Record<Language, string>;
}
interface UnitSeed {
  name: Localized;
  streetAddress: string;
  postalCode: string;
  postOffice: string;
  district: MajorDistrict;
  languages: Language[];
  capacity?: number;
}
interface ProducerSeed {
  key: string;
  organiser: string;
  name: string;
  type: ProducerType;
  businessId?: string;
  costCentre?: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
  units?: UnitSeed[];
}
interface UserSeed {
  email: string;
  organiser: string;
  displayName: string;
  role: Role;
  producer?: string;
  language: Language;
}

export interface SeedResult extends CatalogueSeedResult, ContractsSeedResult, ReportsSeedResult {
  organisers: number;
  producers: number;
  serviceUnits: number;
  users: number;
}

function readYaml<T>(dir: string, file: string, key: string): T[] {
  const parsed = parse(readFileSync(join(dir, file), 'utf8')) as Record<string, T[] | undefined>;
  return parsed[key] ?? [];
}

/**
 * Loads the demo data from `seeds/demo`. Idempotent: records are matched by their natural keys
 * (business ID, name, email, catalogue codes) and only missing ones are inserted, so a second run
 * changes nothing.
 */
export async function seedDemo(
  dataSource: DataSource,
  seedsDir: string,
  password: string,
  options: { reports?: boolean } = {},
): Promise<SeedResult> {
  const dir = join(seedsDir, 'demo');
  const organisers = readYaml<OrganiserSeed>(dir, 'organisers.yaml', 'organisers');
  const producers = readYaml<ProducerSeed>(dir, 'producers.yaml', 'producers');
  const users = readYaml<UserSeed>(dir, 'users.yaml', 'users');
  for (const o of organisers)
    check(isValidBusinessId(o.businessId), `organiser ${o.key}: invalid business ID`);
  for (const p of producers) {
    check(PRODUCER_TYPES.includes(p.type), `producer ${p.key}: unknown type ${p.type}`);
    check(!p.businessId || isValidBusinessId(p.businessId), `producer ${p.key}: invalid business ID`);
    check(
      (p.type === 'SELF_PRODUCED') === Boolean(p.costCentre),
      `producer ${p.key}: cost centre for in-house only`,
    );
    for (const u of p.units ?? []) {
      check(MAJOR_DISTRICTS.includes(u.district), `producer ${p.key}: unknown district ${u.district}`);
      check(/^\d{5}$/.test(String(u.postalCode)), `producer ${p.key}: postal code must be five digits`);
      check(
        u.languages.length > 0 && u.languages.every((lang) => LANGUAGES.includes(lang)),
        `producer ${p.key}: unknown service language`,
      );
      for (const lang of LANGUAGES)
        check(Boolean(u.name?.[lang]), `producer ${p.key}: unit name without ${lang}`);
    }
  }
  for (const u of users) {
    check(ROLES.includes(u.role), `user ${u.email}: unknown role ${u.role}`);
    check(LANGUAGES.includes(u.language), `user ${u.email}: unknown language ${u.language}`);
    check(
      (u.role === 'PROVIDER_REPORTER') === Boolean(u.producer),
      `user ${u.email}: producer only for reporters`,
    );
  }
  const passwordHash = await hashPassword(password);
  const result: SeedResult = {
    organisers: 0,
    producers: 0,
    serviceUnits: 0,
    users: 0,
    serviceDescriptions: 0,
    criteria: 0,
    terms: 0,
    contracts: 0,
    expectedReports: 0,
    reportsFilled: 0,
    reportRevisions: 0,
    deviations: 0,
    correctiveActions: 0,
  };

  await withAdvisoryLock(dataSource, ADVISORY_LOCKS.demoSeed, () =>
    dataSource.transaction(async (em) => {
      const organiserIds = new Map<string, string>();
      for (const o of organisers) {
        result.organisers += await insertMissing(
          em,
          `INSERT INTO organiser (business_id, name_fi, name_sv, name_en) VALUES ($1, $2, $3, $4)
           ON CONFLICT (business_id) DO NOTHING RETURNING id`,
          [o.businessId, o.name.fi, o.name.sv, o.name.en],
        );
        const rows: { id: string }[] = await em.query(`SELECT id FROM organiser WHERE business_id = $1`, [
          o.businessId,
        ]);
        organiserIds.set(o.key, rows[0].id);
      }
      const producerIds = new Map<string, string>();
      for (const p of producers) {
        const organiserId = organiserIds.get(p.organiser);
        check(Boolean(organiserId), `producer ${p.key}: unknown organiser ${p.organiser}`);
        result.producers += await insertMissing(
          em,
          `INSERT INTO producer
             (organiser_id, name, type, business_id, cost_centre, contact_name, contact_email, contact_phone)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (organiser_id, name) DO NOTHING RETURNING id`,
          [
            organiserId,
            p.name,
            p.type,
            p.businessId ?? null,
            p.costCentre ?? null,
            p.contactName ?? null,
            p.contactEmail ?? null,
            p.contactPhone ?? null,
          ],
        );
        const rows: { id: string }[] = await em.query(
          `SELECT id FROM producer WHERE organiser_id = $1 AND name = $2`,
          [organiserId, p.name],
        );
        producerIds.set(p.key, rows[0].id);
        for (const u of p.units ?? []) {
          // A unit is known by its producer and Finnish name.
          const known: unknown[] = await em.query(
            `SELECT 1 FROM service_unit WHERE producer_id = $1 AND name->>'fi' = $2`,
            [rows[0].id, u.name.fi],
          );
          if (known.length > 0) continue;
          await em.query(
            `INSERT INTO service_unit
               (organiser_id, producer_id, name, street_address, postal_code, post_office, district, languages, capacity)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [
              organiserId,
              rows[0].id,
              JSON.stringify(u.name),
              u.streetAddress,
              String(u.postalCode),
              u.postOffice,
              u.district,
              u.languages,
              u.capacity ?? null,
            ],
          );
          result.serviceUnits += 1;
        }
      }
      for (const u of users) {
        const organiserId = organiserIds.get(u.organiser);
        check(Boolean(organiserId), `user ${u.email}: unknown organiser ${u.organiser}`);
        const producerId = u.producer ? producerIds.get(u.producer) : null;
        check(!u.producer || Boolean(producerId), `user ${u.email}: unknown producer ${u.producer}`);
        const exists: unknown[] = await em.query(`SELECT 1 FROM app_user WHERE lower(email) = lower($1)`, [
          u.email,
        ]);
        if (exists.length > 0) continue;
        await em.query(
          `INSERT INTO app_user (organiser_id, email, display_name, role, producer_id, language, password_hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [organiserId, u.email.toLowerCase(), u.displayName, u.role, producerId, u.language, passwordHash],
        );
        result.users += 1;
      }
      Object.assign(result, await seedCatalogue(em, dir, organiserIds));
      // Contracts belong to the organiser of their producer; the demo has one, Helsinki.
      const helsinki = organiserIds.get('helsinki');
      if (helsinki) {
        Object.assign(result, await seedContracts(em, dir, helsinki, producerIds));
        if (options.reports !== false) {
          Object.assign(result, await seedReports(em, dir, helsinki, producerIds));
          // The comparison summaries, built once from the accepted history rather than per review.
          await em.query(`SELECT comparison_refresh($1, NULL, NULL, NULL)`, [helsinki]);
        }
      }
    }),
  );
  new Logger('Seed').log({ msg: 'demo data loaded', inserted: result });
  return result;
}

async function insertMissing(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const rows: unknown[] = await em.query(sql, params);
  return rows.length;
}

/** True when the database holds no organiser yet: a brand-new installation. */
export async function isEmptyInstallation(dataSource: DataSource): Promise<boolean> {
  const rows: unknown[] = await dataSource.query(`SELECT 1 FROM organiser LIMIT 1`);
  return rows.length === 0;
}
