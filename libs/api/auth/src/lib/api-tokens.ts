import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Injectable,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { API_TOKEN_PREFIX, ApiToken, ApiTokenInput, CreatedApiToken, Language, Role } from '@sopu/shared';
import { AuditService } from '@sopu/api/audit';
import { Access, Auth, AuthContext, DomainError, Omittable } from '@sopu/api/platform';

export class ApiTokenInputDto implements ApiTokenInput {
  @ApiProperty({ example: 'Asiakastietojärjestelmä' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Required from staff; a reporter gets a token for their own producer',
  })
  @Omittable()
  @IsUUID()
  producerId?: string;
}

export class ApiTokenQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() producerId?: string;
}

interface TokenRow {
  id: string;
  producer_id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

function toApiToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    producerId: row.producer_id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const COLUMNS = 'id, producer_id, name, prefix, created_at, last_used_at, revoked_at';

/**
 * Tokens for producers' own systems: 256 random bits, shown once, kept only as their SHA-256
 * (a token is a random key, not a password, so a fast hash is enough), revocable, and acting as a
 * reporter of exactly one producer on the same endpoints as the web app.
 */
@Injectable()
export class ApiTokens {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * The caller a token stands for, or null when it is unknown or revoked, or when the person who
   * made it (and saw its secret) could no longer make it: deactivated, moved to another producer or
   * to a role without tokens. Losing the rights ends their tokens as it ends their sessions.
   */
  async authenticate(token: string): Promise<AuthContext | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const rows: {
      id: string;
      organiser_id: string;
      producer_id: string;
      created_by: string;
      prefix: string;
      language: Language;
    }[] = await this.dataSource.query(
      `SELECT t.id, t.organiser_id, t.producer_id, t.created_by, t.prefix, u.language
           FROM api_token t JOIN app_user u ON u.id = t.created_by
           JOIN producer p ON p.id = t.producer_id
          WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.active
            AND (u.role IN ('ADMIN', 'CONTRACT_MANAGER') OR (u.role = 'PROVIDER_REPORTER' AND u.producer_id = t.producer_id))`,
      [sha256(token)],
    );
    const row = rows[0];
    if (!row) return null;
    await this.dataSource.query(
      `UPDATE api_token SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [row.id],
    );
    return {
      userId: row.created_by,
      sessionId: row.id,
      organiserId: row.organiser_id,
      role: 'PROVIDER_REPORTER' satisfies Role,
      producerId: row.producer_id,
      email: `api-token:${row.prefix}`,
      language: row.language,
      apiTokenId: row.id,
    };
  }

  private producerOf(auth: AuthContext, requested: string | undefined): string {
    if (auth.role === 'PROVIDER_REPORTER') {
      if (requested && requested !== auth.producerId) throw new DomainError('NOT_FOUND');
      return auth.producerId as string;
    }
    if (!requested)
      throw new DomainError('VALIDATION_FAILED', {}, [{ field: 'producerId', problem: 'isDefined' }]);
    return requested;
  }

  async create(auth: AuthContext, input: ApiTokenInputDto): Promise<CreatedApiToken> {
    if (auth.apiTokenId) throw new DomainError('FORBIDDEN');
    const producerId = this.producerOf(auth, input.producerId);
    const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const prefix = token.slice(0, API_TOKEN_PREFIX.length + 6);
    return this.dataSource.transaction(async (em) => {
      const [producer] = await em.query(`SELECT id FROM producer WHERE id = $1 AND organiser_id = $2`, [
        producerId,
        auth.organiserId,
      ]);
      if (!producer) throw new DomainError('NOT_FOUND');
      const [row]: TokenRow[] = await em.query(
        `INSERT INTO api_token (organiser_id, producer_id, name, prefix, token_hash, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
        [auth.organiserId, producerId, input.name.trim(), prefix, sha256(token), auth.userId],
      );
      const created = toApiToken(row);
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'apiToken.created',
        entityType: 'api_token',
        entityId: created.id,
        after: created,
      });
      return { ...created, token };
    });
  }

  async list(auth: AuthContext, producerId: string | undefined): Promise<ApiToken[]> {
    const params: unknown[] = [auth.organiserId];
    let filter = '';
    const producer = auth.role === 'PROVIDER_REPORTER' ? auth.producerId : producerId;
    if (producer) {
      params.push(producer);
      filter = ' AND producer_id = $2';
    }
    const rows: TokenRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM api_token WHERE organiser_id = $1${filter} ORDER BY created_at DESC`,
      params,
    );
    return rows.map(toApiToken);
  }

  async revoke(auth: AuthContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const [row]: (TokenRow & { organiser_id: string })[] = await em.query(
        `SELECT ${COLUMNS} FROM api_token WHERE id = $1 AND organiser_id = $2 FOR UPDATE`,
        [id, auth.organiserId],
      );
      if (!row || (auth.role === 'PROVIDER_REPORTER' && row.producer_id !== auth.producerId))
        throw new DomainError('NOT_FOUND');
      if (row.revoked_at) return;
      await em.query(`UPDATE api_token SET revoked_at = now() WHERE id = $1`, [id]);
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'apiToken.revoked',
        entityType: 'api_token',
        entityId: id,
        before: toApiToken(row),
      });
    });
  }
}

const uuid = new ParseUUIDPipe();
const TOKEN_KEEPERS = ['ADMIN', 'CONTRACT_MANAGER', 'PROVIDER_REPORTER'] as const;

@ApiTags('api-tokens')
@ApiBearerAuth()
@Controller('api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokens) {}

  @Post()
  @Access.producerScoped(...TOKEN_KEEPERS)
  @ApiOperation({ summary: 'Creates a token for one producer; the answer holds the token, shown this once' })
  @ApiCreatedResponse({ description: 'The token and its listing' })
  create(@Auth() auth: AuthContext, @Body() dto: ApiTokenInputDto): Promise<CreatedApiToken> {
    return this.tokens.create(auth, dto);
  }

  @Get()
  @Access.producerScoped(...TOKEN_KEEPERS)
  @ApiOperation({ summary: "The organiser's tokens (a reporter: their producer's), without secrets" })
  list(@Auth() auth: AuthContext, @Query() query: ApiTokenQueryDto): Promise<ApiToken[]> {
    return this.tokens.list(auth, query.producerId);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access.producerScoped(...TOKEN_KEEPERS)
  @ApiOperation({ summary: 'Revokes a token at once' })
  revoke(@Auth() auth: AuthContext, @Param('id', uuid) id: string): Promise<void> {
    return this.tokens.revoke(auth, id);
  }
}
