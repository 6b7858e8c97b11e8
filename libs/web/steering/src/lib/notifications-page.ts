import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router } from '@angular/router';
import { AppNotification } from '@sopu/shared';
import { serviceNames } from '@sopu/web/contracts';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { notificationText } from './notification-text';
import { NotificationsStore } from './notifications-store';

/** The inbox: newest first, unread marked in words and weight, each leading to its record. */
@Component({
  selector: 'sopu-notifications-page',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <div class="heading">
      <h1>{{ 'inbox.title' | t }}</h1>
      <div class="actions">
        <button mat-stroked-button type="button" (click)="store.refresh()">
          <mat-icon aria-hidden="true">refresh</mat-icon>
          {{ 'inbox.refresh' | t }}
        </button>
        <button mat-flat-button type="button" [disabled]="!store.unread()" (click)="markAllRead()">
          <mat-icon aria-hidden="true">done_all</mat-icon>
          {{ 'inbox.markAllRead' | t }}
        </button>
      </div>
    </div>
    <p aria-live="polite">{{ 'inbox.unreadCount' | t: { count: store.unread() } }}</p>
    @if (store.items().length) {
      <ul class="notifications">
        @for (n of store.items(); track n.id) {
          <li [class.unread]="!n.readAt">
            <div class="text">
              @if (!n.readAt) {
                <span class="badge">{{ 'inbox.unread' | t }}</span>
              }
              <span class="message">{{ text(n) }}</span>
              <span class="meta">{{ i18n.dateTime(n.createdAt) }}</span>
            </div>
            <div class="actions">
              @if (n.link) {
                <a mat-button [href]="n.link" (click)="open($event, n)">{{ 'inbox.open' | t }}</a>
              }
              @if (!n.readAt) {
                <button mat-button type="button" (click)="store.markRead(n)">
                  {{ 'inbox.markRead' | t }}
                </button>
              }
            </div>
          </li>
        }
      </ul>
    } @else if (store.loaded()) {
      <p class="empty">{{ 'inbox.empty' | t }}</p>
    }
  `,
  styleUrl: './steering-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationsPage {
  private readonly router = inject(Router);
  private readonly names = serviceNames();
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(NotificationsStore);

  constructor() {
    void this.store.refresh();
  }

  protected text(notification: AppNotification): string {
    return notificationText(notification, this.i18n, (code) => this.names.name(code));
  }

  /** Opening a notification reads it; the link is a real href so it also opens in a new tab. */
  protected async open(event: MouseEvent, notification: AppNotification): Promise<void> {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    await this.store.markRead(notification).catch(() => undefined);
    if (notification.link) await this.router.navigateByUrl(notification.link);
  }

  protected markAllRead(): Promise<void> {
    return this.store.markAllRead();
  }
}
