import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { FieldIssue } from './field-issues';

/** A refused save or publish: what went wrong as one sentence, then each refused field with its reason. */
@Component({
  selector: 'sopu-terms-issues',
  imports: [MatIconModule],
  template: `
    <div role="alert">
      @if (summary()) {
        <div class="issues">
          <p class="summary">
            <mat-icon aria-hidden="true">error</mat-icon>
            <span>{{ summary() }}</span>
          </p>
          @if (issues().length > 0) {
            <ul>
              @for (issue of issues(); track $index) {
                <li>
                  <strong>{{ issue.label }}</strong>: {{ issue.message }}
                </li>
              }
            </ul>
          }
        </div>
      }
    </div>
  `,
  styles: `
    .issues {
      border: 1px solid var(--mat-sys-error);
      border-radius: 4px;
      padding: 12px 16px;
      margin: 16px 0;
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
    .summary {
      display: flex;
      gap: 8px;
      align-items: center;
      margin: 0;
      font-weight: 500;
    }
    ul {
      margin: 8px 0 0;
      padding-left: 24px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TermsIssues {
  /** Empty shows nothing. */
  readonly summary = input<string | null>(null);
  readonly issues = input<readonly FieldIssue[]>([]);
}
