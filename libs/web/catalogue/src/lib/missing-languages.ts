import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { LANGUAGES } from '@sopu/shared';
import { TranslatePipe } from '@sopu/web/i18n';

/** The choices of a "missing language" filter: "Swedish missing" and so on. */
export const MISSING_LANGUAGE_OPTIONS = LANGUAGES.map((lang) => ({
  lang,
  key: `catalogue.missing.${lang}` as const,
}));

/** Flags the languages in which a text is missing ("Swedish missing"), or says that all are there. */
@Component({
  selector: 'sopu-missing-languages',
  imports: [MatIconModule, TranslatePipe],
  template: `
    @for (item of missing(); track item.lang) {
      <span class="flag missing">
        <mat-icon aria-hidden="true" inline>warning</mat-icon>
        {{ item.key | t }}
      </span>
    } @empty {
      <span class="flag complete">
        <mat-icon aria-hidden="true" inline>check</mat-icon>
        {{ 'catalogue.complete' | t }}
      </span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .flag {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 8px;
      border-radius: 12px;
      white-space: nowrap;
      font: var(--mat-sys-label-medium);
    }
    .missing {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .complete {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MissingLanguages {
  readonly languages = input.required<readonly string[]>();

  protected readonly missing = computed(() =>
    MISSING_LANGUAGE_OPTIONS.filter((option) => this.languages().includes(option.lang)),
  );
}
