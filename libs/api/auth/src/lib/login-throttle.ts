import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@sopu/api/platform';
import { AUTH_OPTIONS, AuthOptions } from './auth-options';

/**
 * Failed sign-ins are counted in PostgreSQL, per account and per address, so every API instance
 * sees the same count. Past the limit the caller waits until the oldest failure leaves the window.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    private readonly dataSource: DataSource,
  ) {}

  async assertAllowed(email: string, address: string): Promise<void> {
    const rows: { key: string; failures: string; oldest: Date }[] = await this.dataSource.query(
      `SELECT key, count(*) AS failures, min(failed_at) AS oldest
         FROM login_failure
        WHERE key = ANY($1) AND failed_at > now() - make_interval(mins => $2)
        GROUP BY key`,
      [[accountKey(email), addressKey(address)], this.options.failureWindowMinutes],
    );
    for (const row of rows) {
      const limit = row.key.startsWith('account:')
        ? this.options.maxFailuresPerAccount
        : this.options.maxFailuresPerAddress;
      if (Number(row.failures) >= limit) {
        const freeAt = row.oldest.getTime() + this.options.failureWindowMinutes * 60_000;
        const seconds = Math.max(1, Math.ceil((freeAt - Date.now()) / 1000));
        throw new DomainError('TOO_MANY_ATTEMPTS', { minutes: Math.ceil(seconds / 60) }, [], {
          'Retry-After': String(seconds),
        });
      }
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await this.dataSource.query(
      `WITH pruned AS (DELETE FROM login_failure WHERE failed_at < now() - interval '1 day')
       INSERT INTO login_failure (key) VALUES ($1), ($2)`,
      [accountKey(email), addressKey(address)],
    );
  }

  /** A successful sign-in ends the run of failures for the account (not for the address). */
  async clearAccount(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failure WHERE key = $1`, [accountKey(email)]);
  }
}

function accountKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

function addressKey(address: string): string {
  return `address:${address}`;
}
