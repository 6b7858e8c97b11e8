import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AUTH_OPTIONS, AuthOptions } from './auth-options';

const SETTING_KEY = 'auth.signing_secret';

/**
 * The token signing secret. From the configuration when given; otherwise generated once and
 * stored in the database, so every API instance on that database signs and verifies alike.
 */
@Injectable()
export class SigningSecret implements OnApplicationBootstrap {
  private readonly logger = new Logger(SigningSecret.name);
  private secret?: Promise<string>;

  constructor(
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Loaded before the first request: tokens are signed inside transactions, and the embedded
   * store's single connection must not be asked for a second one there.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.get();
  }

  get(): Promise<string> {
    this.secret ??= this.load().catch((error: unknown) => {
      this.secret = undefined;
      throw error;
    });
    return this.secret;
  }

  private async load(): Promise<string> {
    if (this.options.signingSecret) return this.options.signingSecret;
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO app_setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`,
      [SETTING_KEY, randomBytes(48).toString('base64url')],
    );
    if (inserted.length > 0) {
      this.logger.warn(
        'SOPU_AUTH_SECRET is not set: generated a signing secret and stored it in the database',
      );
    }
    const rows: { value: string }[] = await this.dataSource.query(
      `SELECT value FROM app_setting WHERE key = $1`,
      [SETTING_KEY],
    );
    return rows[0].value;
  }
}
