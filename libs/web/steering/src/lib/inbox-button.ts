import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { I18n } from '@sopu/web/i18n';
import { NotificationsStore } from './notifications-store';

/** The toolbar's way to the inbox; its accessible name says how many notifications are unread. */
@Component({
  selector: 'sopu-inbox-button',
  imports: [MatButtonModule, MatIconModule, RouterLink],
  template: `
    <a mat-icon-button routerLink="/notifications" class="inbox" [attr.aria-label]="label()">
      <mat-icon aria-hidden="true">{{ store.unread() ? 'notifications_active' : 'notifications' }}</mat-icon>
      @if (store.unread()) {
        <span class="count" aria-hidden="true">{{ store.unread() > 99 ? '99+' : store.unread() }}</span>
      }
    </a>
  `,
  styles: `
    .inbox {
      position: relative;
    }
    .count {
      position: absolute;
      top: 2px;
      right: 0;
      min-width: 18px;
      height: 18px;
      padding: 0 4px;
      box-sizing: border-box;
      border-radius: 9px;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font: var(--mat-sys-label-small);
      line-height: 18px;
      text-align: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxButton {
  private readonly i18n = inject(I18n);
  protected readonly store = inject(NotificationsStore);
  protected readonly label = computed(() => {
    const unread = this.store.unread();
    return unread ? this.i18n.t('inbox.buttonUnread', { count: unread }) : this.i18n.t('inbox.button');
  });

  constructor() {
    this.store.watch(inject(DestroyRef));
  }
}
