import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EntityManager } from 'typeorm';
import { parse } from 'yaml';
import { CONTRACT_KIND_OF, ContractStatus, OptionPeriod, ProducerType } from '@sopu/shared';
import { createObligations, helsinkiToday } from '@sopu/api/reporting';
import { check } from './seed-check';

interface ContractSeed {
  number: string;
  producer: string;
  title: string;
  validFrom: string;
  validTo?: string;
  options?: OptionPeriod[];
  reportingDueDays: number;
  manager?: string;
  status: ContractStatus;
  endedOn?: string;
  statusReason?: string;
  services: { service: string; unitPrice: string; estimatedVolume: string }[];
}

export interface ContractsSeedResult {
  contracts: number;
  expectedReports: number;
}

/**
 * Loads `contracts.yaml`: each contract with its services on the terms version in force at its
 * start, all the producer's units, and its history; then creates the expected reports that the
 * contracts in force owe up to today. Contracts are known by number; an existing one is never changed.
 */
export async function seedContracts(
  em: EntityManager,
  dir: string,
  organiserId: string,
  producerIds: Map<string, string>,
): Promise<ContractsSeedResult> {
  const file = join(dir, 'contracts.yaml');
  const result: ContractsSeedResult = { contracts: 0, expectedReports: 0 };
  if (!existsSync(file)) return result;
  const seeds = (parse(readFileSync(file, 'utf8')) as { contracts?: ContractSeed[] }).contracts ?? [];
  for (const c of seeds) {
    const where = `contract ${c.number}`;
    const producerId = producerIds.get(c.producer);
    check(Boolean(producerId), `${where}: unknown producer ${c.producer}`);
    check(c.services.length > 0, `${where}: no services`);
    check(['DRAFT', 'ACTIVE', 'ENDED'].includes(c.status), `${where}: status must be DRAFT, ACTIVE or ENDED`);
    check((c.status === 'ENDED') === Boolean(c.endedOn), `${where}: endedOn goes with ENDED`);
    const known: unknown[] = await em.query(
      `SELECT 1 FROM contract WHERE organiser_id = $1 AND number = $2`,
      [organiserId, c.number],
    );
    if (known.length > 0) continue;
    const [producer]: { type: ProducerType }[] = await em.query(`SELECT type FROM producer WHERE id = $1`, [
      producerId,
    ]);
    const manager: { id: string }[] = c.manager
      ? await em.query(`SELECT id FROM app_user WHERE lower(email) = lower($1) AND organiser_id = $2`, [
          c.manager,
          organiserId,
        ])
      : [];
    check(!c.manager || manager.length === 1, `${where}: unknown manager ${c.manager}`);
    const [contract]: { id: string }[] = await em.query(
      `INSERT INTO contract (organiser_id, producer_id, number, title, kind, status, valid_from, valid_to, ended_on,
                             options, reporting_due_days, manager_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        organiserId,
        producerId,
        c.number,
        c.title,
        CONTRACT_KIND_OF[producer.type],
        c.status,
        c.validFrom,
        c.validTo ?? null,
        c.endedOn ?? null,
        JSON.stringify(c.options ?? []),
        c.reportingDueDays,
        manager[0]?.id ?? null,
      ],
    );
    for (const s of c.services) {
      const terms: { id: string }[] = await em.query(
        `SELECT id FROM monitoring_terms WHERE organiser_id = $1 AND service_code = $2 AND status = 'PUBLISHED'
            AND valid_from <= $3::date ORDER BY valid_from DESC LIMIT 1`,
        [organiserId, s.service, c.validFrom],
      );
      check(terms.length === 1, `${where}: no published terms of ${s.service} in force on ${c.validFrom}`);
      const [service]: { id: string }[] = await em.query(
        `INSERT INTO contract_service (organiser_id, contract_id, service_code, unit_price, estimated_volume, unit_ids)
         VALUES ($1, $2, $3, $4, $5, ARRAY(SELECT id FROM service_unit WHERE producer_id = $6 ORDER BY name->>'fi'))
         RETURNING id`,
        [organiserId, contract.id, s.service, s.unitPrice, s.estimatedVolume, producerId],
      );
      await em.query(
        `INSERT INTO contract_service_terms (organiser_id, contract_service_id, terms_id, effective_from)
         VALUES ($1, $2, $3, $4)`,
        [organiserId, service.id, terms[0].id, c.validFrom],
      );
    }
    const event = (kind: string, reason: string, date: string, from: string | null, to: string | null) =>
      em.query(
        `INSERT INTO contract_event (organiser_id, contract_id, kind, reason, effective_date, changes, from_status, to_status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          organiserId,
          contract.id,
          kind,
          reason,
          date,
          JSON.stringify(from ? [{ field: 'status', from, to }] : []),
          from,
          to,
        ],
      );
    await event('CREATED', '', c.validFrom, null, null);
    if (c.status !== 'DRAFT')
      await event('STATUS', 'Sopimus allekirjoitettu.', c.validFrom, 'DRAFT', 'ACTIVE');
    if (c.status === 'ENDED')
      await event(
        'STATUS',
        c.statusReason ?? 'Sopimuskausi päättyi.',
        c.endedOn as string,
        'ACTIVE',
        'ENDED',
      );
    result.contracts += 1;
  }
  result.expectedReports = await createObligations(em, helsinkiToday());
  return result;
}
