import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { I18n } from '@sopu/web/i18n';
import { InboxButton } from './inbox-button';
import { NotificationsStore } from './notifications-store';

describe('InboxButton', () => {
  async function render(unread: number, lang: 'fi' | 'sv' | 'en') {
    const store = { unread: signal(unread), watch: jest.fn() };
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: NotificationsStore, useValue: store }],
    });
    TestBed.inject(I18n).setLanguage(lang);
    const fixture = TestBed.createComponent(InboxButton);
    await fixture.whenStable();
    return { link: fixture.nativeElement.querySelector('a') as HTMLAnchorElement, store };
  }

  it('says how many notifications are unread in its accessible name', async () => {
    const { link, store } = await render(3, 'en');
    expect(link.getAttribute('aria-label')).toBe('Notifications, 3 unread');
    expect(link.getAttribute('href')).toBe('/notifications');
    expect(store.watch).toHaveBeenCalled();
  });

  it('has a plain name when nothing is unread, in Finnish', async () => {
    const { link } = await render(0, 'fi');
    expect(link.getAttribute('aria-label')).toBe('Ilmoitukset');
    expect(link.querySelector('.count')).toBeNull();
  });
});
