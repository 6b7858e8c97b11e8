import { Controller, Get, HttpCode, Injectable, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { NotificationInbox, NotificationKind, ROLES } from '@sopu/shared';
import { Access, Auth, AuthContext, DomainError } from '@sopu/api/platform';

export class NotificationQueryDto {
  @ApiPropertyOptional({ description: 'Only unread notifications' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  params: Record<string, string | number>;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

/** The signed-in person's in-app notifications: the newest 100 and how many are unread. */
@Injectable()
export class NotificationsService {
  constructor(private readonly dataSource: DataSource) {}

  async inbox(auth: AuthContext, unreadOnly: boolean): Promise<NotificationInbox> {
    const [rows, [{ unread }]] = await Promise.all([
      this.dataSource.query(
        `SELECT id, kind, params, link, created_at, read_at FROM notification
          WHERE user_id = $1 AND organiser_id = $2 ${unreadOnly ? 'AND read_at IS NULL' : ''}
          ORDER BY created_at DESC, id LIMIT 100`,
        [auth.userId, auth.organiserId],
      ) as Promise<NotificationRow[]>,
      this.dataSource.query(
        `SELECT count(*)::int AS unread FROM notification WHERE user_id = $1 AND organiser_id = $2 AND read_at IS NULL`,
        [auth.userId, auth.organiserId],
      ) as Promise<{ unread: number }[]>,
    ]);
    return {
      items: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        params: row.params,
        link: row.link,
        createdAt: row.created_at.toISOString(),
        readAt: row.read_at?.toISOString() ?? null,
      })),
      unread,
    };
  }

  async markRead(auth: AuthContext, id: string | null): Promise<void> {
    const [{ marked }]: { marked: number }[] = await this.dataSource.query(
      `WITH marked AS (
         UPDATE notification SET read_at = coalesce(read_at, now())
          WHERE user_id = $1 AND organiser_id = $2 ${id ? 'AND id = $3' : ''} RETURNING id)
       SELECT count(*)::int AS marked FROM marked`,
      id ? [auth.userId, auth.organiserId, id] : [auth.userId, auth.organiserId],
    );
    if (id && marked === 0) throw new DomainError('NOT_FOUND');
  }
}

const uuid = new ParseUUIDPipe();

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Access.producerScoped(...ROLES)
  @ApiOperation({ summary: "The caller's in-app notifications, newest first, with the unread count" })
  inbox(@Auth() auth: AuthContext, @Query() query: NotificationQueryDto): Promise<NotificationInbox> {
    return this.notifications.inbox(auth, query.unread ?? false);
  }

  @Post('read')
  @HttpCode(204)
  @Access.producerScoped(...ROLES)
  @ApiOperation({ summary: 'Marks all of the caller’s notifications read' })
  readAll(@Auth() auth: AuthContext): Promise<void> {
    return this.notifications.markRead(auth, null);
  }

  @Post(':id/read')
  @HttpCode(204)
  @Access.producerScoped(...ROLES)
  @ApiOperation({ summary: 'Marks one notification read' })
  read(@Auth() auth: AuthContext, @Param('id', uuid) id: string): Promise<void> {
    return this.notifications.markRead(auth, id);
  }
}
