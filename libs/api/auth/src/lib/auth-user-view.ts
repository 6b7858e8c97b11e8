import { EntityManager } from 'typeorm';
import { AuthUser, Language, ProducerType, Role } from '@sopu/shared';

interface Row {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  producer_id: string | null;
  producer_name: string | null;
  producer_type: ProducerType | null;
  organiser_id: string;
  organiser_name: string;
  language: Language;
}

/** The signed-in user with the names the UI shows, in one query. */
export async function loadAuthUser(em: EntityManager, userId: string): Promise<AuthUser | null> {
  const rows: Row[] = await em.query(
    `SELECT u.id, u.email, u.display_name, u.role, u.producer_id, u.language, u.organiser_id,
            p.name AS producer_name, p.type AS producer_type,
            CASE u.language WHEN 'sv' THEN o.name_sv WHEN 'en' THEN o.name_en ELSE o.name_fi END AS organiser_name
       FROM app_user u
       JOIN organiser o ON o.id = u.organiser_id
       LEFT JOIN producer p ON p.id = u.producer_id
      WHERE u.id = $1`,
    [userId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    producerId: row.producer_id,
    producerName: row.producer_name,
    producerType: row.producer_type,
    organiserId: row.organiser_id,
    organiserName: row.organiser_name,
    language: row.language,
  };
}
