import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ADVISORY_LOCKS } from '@sopu/api/database';
import { addWorkingDays } from '@sopu/shared';
import { remindDeadlines } from './notifications';
import { createObligations } from './obligations';

/** Reporters hear of a report this many working days before it is due. */
export const REMIND_WORKING_DAYS = 3;

const JOB = 'obligations';
const CHECK_EVERY_MS = 60 * 60 * 1000;

/** Made once: constructing a formatter costs about half a millisecond, more than formatting. */
const HELSINKI_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' });

/** Today in Helsinki, `YYYY-MM-DD`: reporting periods and due dates are the organiser's calendar days. */
export function helsinkiToday(now = new Date()): string {
  return HELSINKI_DATE.format(now);
}

export interface JobOutcome {
  ran: boolean;
  created: number;
}

/**
 * Creates expected reports at start and then once a day. Every API instance runs the timer; the
 * first to claim the day's row in `job_run` (under a transaction-scoped advisory lock) does the
 * work and the others find it done, so the job runs once however many instances there are.
 */
@Injectable()
export class ObligationsJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Obligations');
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runSafely();
    this.timer = setInterval(() => void this.runSafely(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runDaily(today = helsinkiToday()): Promise<JobOutcome> {
    return this.dataSource.transaction(async (em) => {
      const [{ locked }]: { locked: boolean }[] = await em.query(
        `SELECT pg_try_advisory_xact_lock($1) AS locked`,
        [ADVISORY_LOCKS.obligations],
      );
      if (!locked) return { ran: false, created: 0 };
      const claimed: unknown[] = await em.query(
        `INSERT INTO job_run (job, run_date) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING job`,
        [JOB, today],
      );
      if (claimed.length === 0) return { ran: false, created: 0 };
      const created = await createObligations(em, today);
      const reminded = await remindDeadlines(em, today, addWorkingDays(today, REMIND_WORKING_DAYS));
      await em.query(`UPDATE job_run SET finished_at = now(), result = $3 WHERE job = $1 AND run_date = $2`, [
        JOB,
        today,
        JSON.stringify({ created, reminded }),
      ]);
      return { ran: true, created };
    });
  }

  /** A failed run is logged and tried again at the next check; it never stops the API. */
  private async runSafely(): Promise<void> {
    try {
      const outcome = await this.runDaily();
      if (outcome.ran) this.log.log({ msg: 'expected reports created', created: outcome.created });
    } catch (error) {
      this.log.error({ msg: 'creating expected reports failed', error: (error as Error).message });
    }
  }
}
