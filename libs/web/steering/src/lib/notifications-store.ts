import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { AppNotification, NotificationInbox } from '@sopu/shared';
import { firstValueFrom } from 'rxjs';
import { SteeringApi } from './steering-api';

/** How often the inbox asks for news while the portal is open. */
export const INBOX_POLL_MS = 60_000;

/** The signed-in user's notifications, shared by the toolbar button and the inbox page. */
@Injectable({ providedIn: 'root' })
export class NotificationsStore {
  private readonly api = inject(SteeringApi);
  private readonly state = signal<NotificationInbox>({ items: [], unread: 0 });
  private timer: ReturnType<typeof setInterval> | null = null;

  readonly items = computed(() => this.state().items);
  readonly unread = computed(() => this.state().unread);
  readonly loaded = signal(false);

  /** Starts polling until `destroyRef` (the shell) goes away. */
  watch(destroyRef: DestroyRef): void {
    void this.refresh();
    if (this.timer) return;
    this.timer = setInterval(() => void this.refresh(), INBOX_POLL_MS);
    destroyRef.onDestroy(() => {
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
    });
  }

  async refresh(): Promise<void> {
    try {
      this.state.set(await firstValueFrom(this.api.notifications()));
      this.loaded.set(true);
    } catch {
      // A failed poll keeps what was shown; the next one tries again.
    }
  }

  async markRead(notification: AppNotification): Promise<void> {
    if (notification.readAt) return;
    await firstValueFrom(this.api.markRead(notification.id));
    const now = new Date().toISOString();
    this.state.update(({ items, unread }) => ({
      items: items.map((n) => (n.id === notification.id ? { ...n, readAt: now } : n)),
      unread: Math.max(0, unread - 1),
    }));
  }

  async markAllRead(): Promise<void> {
    await firstValueFrom(this.api.markAllRead());
    const now = new Date().toISOString();
    this.state.update(({ items }) => ({
      items: items.map((n) => ({ ...n, readAt: n.readAt ?? now })),
      unread: 0,
    }));
  }
}
