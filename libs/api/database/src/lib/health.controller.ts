import { Controller, Get, Inject, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Access } from '@sopu/api/platform';
import { DatabaseKind, DatabaseRuntime } from './database-runtime';
import { pendingMigrationCount } from './migration-status';
import { DATABASE_RUNTIME } from './database-tokens';

class DatabaseHealthDto {
  @ApiProperty({ enum: ['embedded', 'server'] }) kind!: DatabaseKind;
  @ApiProperty() reachable!: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'PostgreSQL 15.19' }) version!: string | null;
  @ApiProperty({ nullable: true, type: Number }) migrationsPending!: number | null;
}

class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: DatabaseHealthDto }) database!: DatabaseHealthDto;
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_RUNTIME) private readonly runtime: DatabaseRuntime,
  ) {}

  @Get()
  @Access.public()
  @ApiOperation({ summary: 'Liveness and database readiness' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'The database does not answer' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    try {
      const rows: { version: string }[] = await this.dataSource.query(`SELECT version() AS version`);
      const version = /^PostgreSQL [\d.]+/.exec(rows[0].version)?.[0] ?? rows[0].version;
      const pending = await pendingMigrationCount(this.dataSource);
      return {
        status: pending === 0 ? 'ok' : 'degraded',
        database: { kind: this.runtime.kind, reachable: true, version, migrationsPending: pending },
      };
    } catch {
      res.status(503).setHeader('Retry-After', '5');
      return {
        status: 'degraded',
        database: { kind: this.runtime.kind, reachable: false, version: null, migrationsPending: null },
      };
    }
  }
}
