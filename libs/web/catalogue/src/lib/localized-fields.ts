import { TextFieldModule } from '@angular/cdk/text-field';
import { ChangeDetectionStrategy, Component, computed, inject, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { LANGUAGES, Language, Localized } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { localizedLabel } from './field-issues';

let nextId = 0;

/**
 * One text in Finnish, Swedish and English side by side (stacked on a narrow screen). Each field is labelled
 * "Name – Finnish" in the UI language, an empty text is flagged, and `errors` puts a message on one language.
 */
@Component({
  selector: 'sopu-localized-fields',
  imports: [FormsModule, TextFieldModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslatePipe],
  template: `
    <fieldset class="languages">
      <legend class="legend">{{ label() }}</legend>
      @for (lang of languages; track lang) {
        <mat-form-field class="field">
          <mat-label>{{ fieldLabel(lang) }}</mat-label>
          @if (multiline()) {
            <textarea
              matInput
              cdkTextareaAutosize
              rows="3"
              [id]="id + '-' + lang"
              [attr.lang]="lang"
              [ngModel]="value()[lang]"
              [ngModelOptions]="{ standalone: true }"
              [required]="required()"
              [errorStateMatcher]="matchers[lang]"
              (ngModelChange)="change(lang, $event)"
            ></textarea>
          } @else {
            <input
              matInput
              [id]="id + '-' + lang"
              [attr.lang]="lang"
              [ngModel]="value()[lang]"
              [ngModelOptions]="{ standalone: true }"
              [required]="required()"
              [errorStateMatcher]="matchers[lang]"
              (ngModelChange)="change(lang, $event)"
            />
          }
          @if (errors()[lang]; as message) {
            <mat-error>{{ message }}</mat-error>
          } @else if (empty()[lang]) {
            <mat-hint class="missing">
              <mat-icon aria-hidden="true" inline>warning</mat-icon>
              {{ 'catalogue.localized.missing' | t }}
            </mat-hint>
          }
        </mat-form-field>
      }
    </fieldset>
  `,
  styles: `
    :host {
      display: block;
    }
    .languages {
      border: 0;
      margin: 0 0 8px;
      padding: 0;
      min-width: 0;
      display: grid;
      grid-template-columns: repeat(3, minmax(0, 1fr));
      gap: 0 16px;
    }
    .legend {
      grid-column: 1 / -1;
      padding: 0;
      margin-bottom: 8px;
      font: var(--mat-sys-title-small);
    }
    .field {
      width: 100%;
    }
    .missing {
      color: var(--mat-sys-on-surface);
      font-weight: 500;
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    .missing mat-icon {
      color: var(--mat-sys-error);
    }
    @media (max-width: 840px) {
      .languages {
        grid-template-columns: minmax(0, 1fr);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LocalizedFields {
  private readonly i18n = inject(I18n);

  /** The name of the text in the UI language ("Name"); each field is labelled "Name – Finnish". */
  readonly label = input.required<string>();
  readonly value = model.required<Localized>();
  readonly multiline = input(false);
  readonly required = input(false);
  /** Messages to show on one language, e.g. from the API's `name.sv`. */
  readonly errors = input<Partial<Record<Language, string>>>({});

  protected readonly languages = LANGUAGES;
  protected readonly id = `sopu-localized-${nextId++}`;
  protected readonly empty = computed(() => {
    const value = this.value();
    const blank = (lang: Language) => !value[lang]?.trim();
    return { fi: blank('fi'), sv: blank('sv'), en: blank('en') };
  });
  /** Material shows a mat-error only in the error state, which here is "the page gave a message". */
  protected readonly matchers: Record<Language, ErrorStateMatcher> = {
    fi: this.matcher('fi'),
    sv: this.matcher('sv'),
    en: this.matcher('en'),
  };

  protected fieldLabel(lang: Language): string {
    return localizedLabel(this.i18n, this.label(), lang);
  }

  private matcher(lang: Language): ErrorStateMatcher {
    return { isErrorState: () => !!this.errors()[lang] };
  }

  protected change(lang: Language, text: string): void {
    this.value.update((value) => ({ ...value, [lang]: text }));
  }
}
