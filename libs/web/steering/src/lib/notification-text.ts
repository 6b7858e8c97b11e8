import { AppNotification } from '@sopu/shared';
import { I18n, TranslationKey } from '@sopu/web/i18n';

const DECISIONS = ['ACCEPT', 'REJECT', 'CLOSE'] as const;

/** The message key of a notification: a decision picks its own sentence. */
function messageKey(notification: AppNotification): TranslationKey {
  if (notification.kind === 'correctiveActionDecided') {
    const decision = String(notification.params['decision'] ?? '');
    const known = DECISIONS.find((d) => d === decision) ?? 'ACCEPT';
    return `inbox.kind.correctiveActionDecided.${known}`;
  }
  return `inbox.kind.${notification.kind}`;
}

/**
 * A notification as one sentence in the reader's language, built from its kind and parameters
 * (the server stores codes and dates, never text): the service by its name, dates in the local form.
 */
export function notificationText(
  notification: AppNotification,
  i18n: I18n,
  serviceName: (code: string) => string,
): string {
  const p = notification.params;
  const text = (name: string) => String(p[name] ?? '');
  return i18n.t(messageKey(notification), {
    service: serviceName(text('service')),
    period: i18n.date(text('period')),
    due: i18n.date(text('due') || text('dueDate')),
    revision: text('revision'),
    producer: text('producer'),
  });
}
