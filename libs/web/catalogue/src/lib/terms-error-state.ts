import { Directive, effect, inject, input } from '@angular/core';
import { MatFormFieldControl } from '@angular/material/form-field';
import { Subject } from 'rxjs';

/** The part of Material's input and select that holds the error state. */
interface ErrorStateHolder {
  errorState: boolean;
  readonly stateChanges: Subject<void>;
}

/**
 * Puts a Material input or select without a form control into the error state, so that its `mat-error`
 * shows and it is marked invalid. Material itself re-checks the error state only for form controls, and
 * the terms pages keep their values in signals.
 */
@Directive({ selector: '[sopuTermsErrorState]' })
export class TermsErrorState {
  private readonly control = inject(MatFormFieldControl) as unknown as ErrorStateHolder;

  readonly sopuTermsErrorState = input(false);

  constructor() {
    effect(() => {
      const error = this.sopuTermsErrorState();
      if (this.control.errorState === error) return;
      this.control.errorState = error;
      this.control.stateChanges.next();
    });
  }
}
