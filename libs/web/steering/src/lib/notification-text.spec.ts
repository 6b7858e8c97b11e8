import { TestBed } from '@angular/core/testing';
import { AppNotification, NOTIFICATION_KINDS } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';
import { notificationText } from './notification-text';

const names: Record<string, string> = { HOME_CARE: 'Kotihoito' };
const serviceName = (code: string) => names[code] ?? code;

function notification(kind: AppNotification['kind'], params: AppNotification['params']): AppNotification {
  return { id: 'n1', kind, params, link: '/reports/r1', createdAt: '2026-11-20T10:00:00Z', readAt: null };
}

describe('notificationText', () => {
  let i18n: I18n;
  beforeEach(() => {
    i18n = TestBed.inject(I18n);
  });

  it('names the service and writes the dates in the reader’s language', () => {
    const n = notification('deadlineApproaching', {
      service: 'HOME_CARE',
      period: '2026-10-01',
      due: '2026-11-15',
    });
    i18n.setLanguage('en');
    expect(notificationText(n, i18n, serviceName)).toBe(
      'The report for Kotihoito, period 01/10/2026, is due on 15/11/2026.',
    );
    i18n.setLanguage('fi');
    expect(notificationText(n, i18n, serviceName)).toBe(
      'Raportti palvelusta Kotihoito, jakso 1.10.2026, on annettava viimeistään 15.11.2026.',
    );
    i18n.setLanguage('sv');
    expect(notificationText(n, i18n, serviceName)).toContain('ska lämnas senast 15.11.2026');
  });

  it('tells an opened action its due date, which the server sends as dueDate', () => {
    i18n.setLanguage('en');
    const n = notification('correctiveActionOpened', {
      service: 'HOME_CARE',
      period: '2024-11-01',
      criterion: 'MISSED_VISITS_SHARE',
      dueDate: '2026-12-07',
    });
    expect(notificationText(n, i18n, serviceName)).toBe(
      'A corrective action was opened on Kotihoito, period 01/11/2024. Answer by 07/12/2026.',
    );
  });

  it('says which decision was made on a plan', () => {
    i18n.setLanguage('en');
    const decided = (decision: string) =>
      notificationText(
        notification('correctiveActionDecided', { decision, service: 'HOME_CARE', period: '2024-11-01' }),
        i18n,
        serviceName,
      );
    expect(decided('ACCEPT')).toContain('was accepted');
    expect(decided('REJECT')).toContain('was rejected: write a new plan');
    expect(decided('CLOSE')).toContain('was closed');
  });

  it('has a text without placeholders for every kind in every language', () => {
    const params = {
      service: 'HOME_CARE',
      period: '2026-10-01',
      due: '2026-11-15',
      revision: 2,
      producer: 'Hoiva Oy',
    };
    for (const lang of ['fi', 'sv', 'en'] as const) {
      i18n.setLanguage(lang);
      for (const kind of NOTIFICATION_KINDS) {
        const text = notificationText(notification(kind, params), i18n, serviceName);
        expect({ kind, lang, text: /\{\w+\}/.test(text) || !text.includes('Kotihoito') }).toEqual({
          kind,
          lang,
          text: false,
        });
      }
    }
  });
});
