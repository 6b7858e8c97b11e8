import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { resolve } from 'node:path';
import type { LogLevel } from '@nestjs/common';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** Every environment variable Sopu reads (the README's configuration table lists the same). */
class Environment {
  @Transform(toInt) @IsOptional() @IsInt() @Min(0) @Max(65535) PORT?: number;
  @Transform(emptyToUndefined) @IsOptional() @IsString() HOST?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() DATABASE_URL?: string;
  @Transform(toInt) @IsOptional() @IsInt() @Min(1) @Max(200) DATABASE_POOL_SIZE?: number;
  @Transform(emptyToUndefined) @IsOptional() @IsString() SOPU_DATA_DIR?: string;
  @Transform(toBool) @IsOptional() @IsBoolean() SOPU_DEMO?: boolean;
  @Transform(toBool) @IsOptional() @IsBoolean() SOPU_DEMO_REPORTS?: boolean;
  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(8) SOPU_DEMO_PASSWORD?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(32) SOPU_AUTH_SECRET?: string;
  @Transform(toInt) @IsOptional() @IsInt() @Min(1) @Max(720) SOPU_SESSION_HOURS?: number;
  @Transform(toBool) @IsOptional() @IsBoolean() SOPU_COOKIE_SECURE?: boolean;
  @Transform(toBool) @IsOptional() @IsBoolean() SOPU_TRUST_PROXY?: boolean;
  @Transform(emptyToUndefined) @IsOptional() @IsString() SOPU_WEB_DIR?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() SOPU_SEEDS_DIR?: string;
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  SOPU_LOG_LEVEL?: LogLevel;
}

export interface SopuConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  databasePoolSize: number;
  dataDir: string;
  /** Load demo data at start: always on a new embedded store, on a server only when asked. */
  demo: boolean | 'when-empty';
  demoPassword: string;
  /** With the demo, 24 months of filled reports, deviations and corrective actions (default true). */
  demoReports: boolean;
  authSecret?: string;
  sessionHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  webDir: string;
  seedsDir: string;
  logLevel: LogLevel;
  /** Failed sign-ins before a 429, per account and per address, within the window. */
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  failureWindowMinutes: number;
}

export const DEFAULT_DEMO_PASSWORD = 'Sopu-demo-2026!';

/** Reads and validates the environment once; a wrong value stops the start with its name. */
export function readConfig(env: NodeJS.ProcessEnv): SopuConfig {
  const parsed = plainToInstance(Environment, { ...env });
  const errors = validateSync(parsed, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const root = process.cwd();
  return {
    port: parsed.PORT ?? 3000,
    host: parsed.HOST ?? '0.0.0.0',
    databaseUrl: parsed.DATABASE_URL,
    databasePoolSize: parsed.DATABASE_POOL_SIZE ?? 10,
    dataDir: resolve(root, parsed.SOPU_DATA_DIR ?? '.data'),
    demo: parsed.SOPU_DEMO ?? (parsed.DATABASE_URL ? false : 'when-empty'),
    demoPassword: parsed.SOPU_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
    demoReports: parsed.SOPU_DEMO_REPORTS ?? true,
    authSecret: parsed.SOPU_AUTH_SECRET,
    sessionHours: parsed.SOPU_SESSION_HOURS ?? 12,
    cookieSecure: parsed.SOPU_COOKIE_SECURE ?? false,
    trustProxy: parsed.SOPU_TRUST_PROXY ?? false,
    webDir: resolve(root, parsed.SOPU_WEB_DIR ?? 'dist/apps/web/browser'),
    seedsDir: resolve(root, parsed.SOPU_SEEDS_DIR ?? 'seeds'),
    logLevel: parsed.SOPU_LOG_LEVEL ?? 'log',
    maxFailuresPerAccount: 10,
    maxFailuresPerAddress: 100,
    failureWindowMinutes: 15,
  };
}
