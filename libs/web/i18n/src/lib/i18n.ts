import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import {
  ApiFieldError,
  DEFAULT_LANGUAGE,
  ERROR_MESSAGES,
  ErrorCode,
  FIELD_MESSAGES,
  FieldProblem,
  Language,
  ProducerType,
  Role,
  errorMessage,
  fieldMessage,
  interpolate,
  isLanguage,
  pickLanguage,
} from '@sopu/shared';
import { DICTIONARIES, TranslationKey } from './dictionaries';

export type TranslationParams = Record<string, string | number>;

/** Remembers the language chosen before sign-in; once signed in, the user's stored language wins. */
export const LANGUAGE_STORAGE_KEY = 'sopu.language';

const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
const PLACEHOLDER = /\{\w+\}/;

interface ErrorBody {
  code?: string;
  message?: string;
  fields?: ApiFieldError[];
}

@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>(this.initialLanguage());

  readonly lang = this.current.asReadonly();
  /** BCP 47 locale for dates and numbers in the current language. */
  readonly locale = computed(() => LOCALES[this.current()]);

  constructor() {
    this.document.documentElement.lang = this.current();
  }

  t(key: TranslationKey, params?: TranslationParams): string {
    return interpolate(DICTIONARIES[this.current()][key], params);
  }

  setLanguage(lang: Language): void {
    this.current.set(lang);
    this.document.documentElement.lang = lang;
    try {
      this.document.defaultView?.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
    } catch {
      // Storage can be disabled (private mode, policies); the choice then lasts for this page only.
    }
  }

  role(role: Role): string {
    return this.t(`role.${role}`);
  }

  producerType(type: ProducerType): string {
    return this.t(`producerType.${type}`);
  }

  /** Language names are always written in the language itself, so anyone can find their own. */
  languageName(lang: Language): string {
    return this.t(`language.${lang}`);
  }

  /**
   * A calendar date ("2026-03-01") in the short local form, never shifted a day by a time zone;
   * a timestamp gives its local date. Nothing gives ''; text that is neither comes back as it is.
   */
  date(value: string | null | undefined): string {
    if (!value) return '';
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(date.getTime())) return value;
    return new Intl.DateTimeFormat(this.locale(), {
      dateStyle: 'short',
      ...(dateOnly ? { timeZone: 'UTC' } : {}),
    }).format(date);
  }

  dateTime(iso: string): string {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(this.locale(), { dateStyle: 'short', timeStyle: 'medium' }).format(date);
  }

  /**
   * The text of an error code in the current language. The local catalogue wins; the server's already translated
   * message is used only when our template needs a value we do not have (e.g. `{limit}`). Unknown codes read as INTERNAL.
   */
  error(code: string | undefined, params?: TranslationParams, serverMessage?: string): string {
    if (!code || !Object.hasOwn(ERROR_MESSAGES, code)) return errorMessage('INTERNAL', this.current());
    const text = errorMessage(code as ErrorCode, this.current(), params);
    return PLACEHOLDER.test(text) && serverMessage ? serverMessage : text;
  }

  /** Any failure of an API call, as one sentence in the current language. */
  errorText(error: unknown): string {
    if (error instanceof HttpErrorResponse) {
      if (error.status === 0) return this.t('common.networkError');
      const body = errorBody(error);
      const params: TranslationParams = {};
      const retryAfter = Number(error.headers?.get('Retry-After'));
      if (Number.isFinite(retryAfter) && retryAfter > 0)
        params['minutes'] = Math.max(1, Math.ceil(retryAfter / 60));
      return this.error(body?.code, params, body?.message);
    }
    return this.error(undefined);
  }

  /** The code of an API error body, if the error is one. */
  errorCode(error: unknown): string | undefined {
    return error instanceof HttpErrorResponse ? errorBody(error)?.code : undefined;
  }

  /** Field errors of a VALIDATION_FAILED answer, by field name, in the current language. */
  fieldErrors(error: unknown): Record<string, string> {
    const fields = error instanceof HttpErrorResponse ? (errorBody(error)?.fields ?? []) : [];
    const result: Record<string, string> = {};
    for (const field of fields) {
      const known = Object.hasOwn(FIELD_MESSAGES, field.problem);
      const text = known ? fieldMessage(field.problem as FieldProblem, this.current()) : '';
      result[field.field] =
        !known || PLACEHOLDER.test(text) ? field.message || this.t('validation.required') : text;
    }
    return result;
  }

  private initialLanguage(): Language {
    const view = this.document.defaultView;
    try {
      const stored = view?.localStorage.getItem(LANGUAGE_STORAGE_KEY);
      if (isLanguage(stored)) return stored;
    } catch {
      // Fall through to the browser's preference.
    }
    const preferred = view?.navigator?.languages?.join(',') || view?.navigator?.language;
    return pickLanguage(preferred, DEFAULT_LANGUAGE);
  }
}

function errorBody(error: HttpErrorResponse): ErrorBody | null {
  const body: unknown = error.error;
  if (typeof body !== 'object' || body === null) return null;
  return body as ErrorBody;
}
