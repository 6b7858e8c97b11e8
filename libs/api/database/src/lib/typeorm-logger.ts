import { Logger as NestLogger } from '@nestjs/common';
import { Logger, QueryRunner } from 'typeorm';

/**
 * TypeORM's messages in the API's JSON log. Query parameters are never logged: they may hold
 * password hashes or report values. Failed queries are logged at debug level because the error
 * mapper already answers (and logs) the ones that matter.
 */
export class TypeOrmJsonLogger implements Logger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {
    // Every query would drown the log; PostgreSQL's own statement log is the place for that.
  }
  logQueryError(error: string | Error, query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    this.logger.debug({
      msg: 'query failed',
      error: error instanceof Error ? error.message : error,
      query: query.slice(0, 500),
    });
  }
  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ msg: 'slow query', ms: time, query: query.slice(0, 500) });
  }
  logSchemaBuild(message: string): void {
    this.logger.log(message);
  }
  logMigration(message: string): void {
    this.logger.log({ msg: message });
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.log(String(message));
  }
}
