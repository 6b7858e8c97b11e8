import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  Band,
  Criterion,
  LANGUAGES,
  Language,
  Localized,
  MonitoringTerms,
  REPORTING_FREQUENCIES,
  ReportingFrequency,
  TermsItem,
  TermsItemInput,
  TermsItemProblem,
  fieldMessage,
  parseDecimal,
  termsItemProblems,
} from '@sopu/shared';
import { I18n, TranslatePipe, TranslationKey } from '@sopu/web/i18n';
import { catchError, firstValueFrom, map, of, switchMap, tap } from 'rxjs';
import { CatalogueApi } from './catalogue-api';
import { FieldIssue } from './field-issues';
import { TERMS_PATH, TermsFormat } from './terms-format';
import { TermsErrorState } from './terms-error-state';
import { TermsIssues } from './terms-issues';

type BandName = 'green' | 'amber';
type BandEnd = 'greenMin' | 'greenMax' | 'amberMin' | 'amberMax';
type NumberField = 'target' | BandEnd;

/** One end of a traffic-light band as a field of the form. */
interface BandField {
  end: BandEnd;
  bound: 'min' | 'max';
  label: TranslationKey;
}

/** What a problem is shown on: a field group of the item, or the bands as a whole. */
type Subject = 'target' | 'green' | 'amber' | 'bands';

/** One item as typed: numbers stay text until they parse, so a half-typed value is not lost. */
interface EditorItem {
  /** Stable across moves, for `track` and element ids. */
  key: number;
  criterionId: string;
  criterionCode: string;
  required: boolean;
  target: string;
  greenMin: string;
  greenMax: string;
  amberMin: string;
  amberMax: string;
  frequency: ReportingFrequency;
  evidenceRequired: boolean;
  note: Localized;
}

interface ItemCheck {
  criterion: Criterion | undefined;
  /** The band ends to show: those the criterion's direction uses, and any that has a value to clear. */
  shown: Record<BandName, BandField[]>;
  notNumber: Record<NumberField, boolean>;
  /** The problems of the shared rule (`termsItemProblems`), by where they are shown. */
  problems: Record<Subject, string[]>;
  input: TermsItemInput;
}

/** The two bands as the form shows them, each with its minimum and maximum. */
const BANDS: readonly { name: BandName; subject: TranslationKey; ends: readonly BandField[] }[] = [
  {
    name: 'green',
    subject: 'terms.subject.green',
    ends: [
      { end: 'greenMin', bound: 'min', label: 'terms.item.greenMin' },
      { end: 'greenMax', bound: 'max', label: 'terms.item.greenMax' },
    ],
  },
  {
    name: 'amber',
    subject: 'terms.subject.amber',
    ends: [
      { end: 'amberMin', bound: 'min', label: 'terms.item.amberMin' },
      { end: 'amberMax', bound: 'max', label: 'terms.item.amberMax' },
    ],
  },
];
const NUMBER_FIELDS: readonly NumberField[] = ['target', 'greenMin', 'greenMax', 'amberMin', 'amberMax'];
const EMPTY_NOTE: Localized = { fi: '', sv: '', en: '' };
const NOTE_LABELS: Record<Language, TranslationKey> = {
  fi: 'terms.item.noteFi',
  sv: 'terms.item.noteSv',
  en: 'terms.item.noteEn',
};

const text = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

function toEditorItem(item: TermsItem, key: number): EditorItem {
  return {
    key,
    criterionId: item.criterionId,
    criterionCode: item.criterionCode,
    required: item.required,
    target: text(item.target),
    greenMin: text(item.green?.min),
    greenMax: text(item.green?.max),
    amberMin: text(item.amber?.min),
    amberMax: text(item.amber?.max),
    frequency: item.frequency,
    evidenceRequired: item.evidenceRequired,
    note: item.note ?? EMPTY_NOTE,
  };
}

/** Edits a draft of the monitoring terms: its start date and its items, checked as they are typed. */
@Component({
  selector: 'sopu-terms-editor',
  imports: [
    MatAutocompleteModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    TermsErrorState,
    TermsIssues,
    TranslatePipe,
  ],
  templateUrl: './terms-editor.html',
  styleUrls: ['./terms-pages.scss', './terms-editor.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TermsEditor {
  private readonly api = inject(CatalogueApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  protected readonly format = inject(TermsFormat);

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly listPath = TERMS_PATH;
  protected readonly frequencies = REPORTING_FREQUENCIES;
  protected readonly languages = LANGUAGES;
  protected readonly noteLabels = NOTE_LABELS;
  protected readonly bands = BANDS;

  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly terms = toSignal(
    toObservable(this.id).pipe(
      tap(() => this.loading.set(true)),
      switchMap((id) =>
        this.api.terms(id).pipe(
          catchError((error: unknown) => {
            this.loadError.set(this.i18n.errorText(error));
            return of(null);
          }),
        ),
      ),
      tap(() => this.loading.set(false)),
    ),
    { initialValue: null as MonitoringTerms | null },
  );

  private readonly criteria = toSignal(
    this.api.criteria().pipe(
      map((list) => [...list].sort((a, b) => a.code.localeCompare(b.code))),
      catchError(() => of([] as Criterion[])),
    ),
    { initialValue: [] as Criterion[] },
  );
  private readonly criteriaById = computed(() => new Map(this.criteria().map((c) => [c.id, c])));

  private nextKey = 0;
  protected readonly validFrom = linkedSignal(() => this.terms()?.validFrom ?? '');
  protected readonly items = linkedSignal<EditorItem[]>(() =>
    (this.terms()?.items ?? []).map((item) => toEditorItem(item, this.nextKey++)),
  );
  protected readonly checks = computed(() => this.items().map((item) => this.check(item)));
  protected readonly hasProblems = computed(() =>
    this.checks().some((check) => Object.values(check.problems).some((list) => list.length > 0)),
  );

  /** The criteria not yet in the list, matching what is typed in the search box. */
  protected readonly criterionSearch = signal('');
  protected readonly criterionToAdd = signal<Criterion | null>(null);
  protected readonly addMissing = signal(false);
  protected readonly available = computed(() => {
    const used = new Set(this.items().map((item) => item.criterionId));
    return this.criteria().filter((criterion) => !used.has(criterion.id));
  });
  protected readonly matchingCriteria = computed(() => {
    const search = this.criterionSearch().trim().toLowerCase();
    return this.available().filter(
      (criterion) =>
        !search ||
        criterion.code.toLowerCase().includes(search) ||
        this.format.criterionName(criterion).toLowerCase().includes(search),
    );
  });
  private readonly searchBox = viewChild<ElementRef<HTMLInputElement>>('searchBox');

  protected readonly busy = signal(false);
  protected readonly saveError = signal<string | null>(null);
  protected readonly issues = signal<FieldIssue[]>([]);

  protected readonly displayCriterion = (criterion: Criterion | string | null): string =>
    !criterion ? '' : typeof criterion === 'string' ? criterion : this.criterionTitle(criterion);

  protected criterionTitle(criterion: Criterion): string {
    return `${criterion.code} – ${this.format.criterionName(criterion)}`;
  }

  protected itemTitle(item: EditorItem): string {
    const name = this.format.criterionName(this.criteriaById().get(item.criterionId));
    return name ? `${item.criterionCode} – ${name}` : item.criterionCode;
  }

  protected directionHint(check: ItemCheck): string {
    return check.criterion ? this.i18n.t(`terms.direction.${check.criterion.direction}`) : '';
  }

  protected searchCriteria(text: string): void {
    this.criterionSearch.set(text);
    this.criterionToAdd.set(null);
  }

  protected chooseCriterion(event: MatAutocompleteSelectedEvent): void {
    this.criterionToAdd.set(event.option.value as Criterion);
    this.addMissing.set(false);
  }

  protected addCriterion(): void {
    const typed = this.criterionSearch().trim().toLowerCase();
    const criterion =
      this.criterionToAdd() ?? this.available().find((c) => typed !== '' && c.code.toLowerCase() === typed);
    if (!criterion || this.items().some((item) => item.criterionId === criterion.id)) {
      this.addMissing.set(true);
      return;
    }
    this.items.update((items) => [
      ...items,
      {
        key: this.nextKey++,
        criterionId: criterion.id,
        criterionCode: criterion.code,
        required: true,
        target: '',
        greenMin: '',
        greenMax: '',
        amberMin: '',
        amberMax: '',
        frequency: 'QUARTERLY',
        evidenceRequired: false,
        note: EMPTY_NOTE,
      },
    ]);
    this.criterionToAdd.set(null);
    this.criterionSearch.set('');
    this.addMissing.set(false);
    const box = this.searchBox()?.nativeElement;
    if (box) box.value = '';
  }

  protected removeItem(index: number): void {
    this.items.update((items) => items.filter((_, i) => i !== index));
  }

  protected moveItem(index: number, step: -1 | 1): void {
    this.items.update((items) => {
      const target = index + step;
      if (target < 0 || target >= items.length) return items;
      const moved = [...items];
      [moved[index], moved[target]] = [moved[target], moved[index]];
      return moved;
    });
  }

  protected setField<K extends keyof EditorItem>(index: number, field: K, value: EditorItem[K]): void {
    this.items.update((items) => items.map((item, i) => (i === index ? { ...item, [field]: value } : item)));
  }

  protected setNote(index: number, lang: Language, value: string): void {
    this.items.update((items) =>
      items.map((item, i) => (i === index ? { ...item, note: { ...item.note, [lang]: value } } : item)),
    );
  }

  protected async save(): Promise<void> {
    const terms = this.terms();
    if (!terms || this.busy()) return;
    this.issues.set([]);
    const checks = this.checks();
    if (checks.some((check) => Object.values(check.notNumber).some(Boolean))) {
      this.saveError.set(this.i18n.t('terms.fixNumbers'));
      return;
    }
    this.busy.set(true);
    this.saveError.set(null);
    const items = checks.map((check) => check.input);
    try {
      await firstValueFrom(this.api.updateTerms(terms.id, { validFrom: this.validFrom() || null, items }));
      this.snackBar.open(this.i18n.t('terms.saved'), this.i18n.t('common.close'), { duration: 5000 });
      await this.router.navigate([TERMS_PATH, terms.id]);
    } catch (error) {
      this.saveError.set(this.i18n.errorText(error));
      this.issues.set(this.format.issues(error, this.items()));
    } finally {
      this.busy.set(false);
    }
  }

  /** Parses the item and runs the shared rule on it: the same function the API runs when publishing. */
  private check(item: EditorItem): ItemCheck {
    const criterion = this.criteriaById().get(item.criterionId);
    const direction = criterion?.direction;
    const notNumber = {} as Record<NumberField, boolean>;
    const value = {} as Record<NumberField, number | null>;
    for (const field of NUMBER_FIELDS) {
      const typed = item[field].trim();
      const parsed = typed === '' ? null : parseDecimal(typed);
      notNumber[field] = typed !== '' && parsed === null;
      value[field] = parsed?.value ?? null;
    }
    const usesMin = direction === 'HIGHER_IS_BETTER' || direction === 'TARGET_RANGE';
    const usesMax = direction === 'LOWER_IS_BETTER' || direction === 'TARGET_RANGE';
    const shows = ({ end, bound }: BandField) =>
      (bound === 'min' ? usesMin : usesMax) || item[end].trim() !== '';
    const shown = Object.fromEntries(BANDS.map((band) => [band.name, band.ends.filter(shows)])) as Record<
      BandName,
      BandField[]
    >;
    const band = (min: number | null, max: number | null): Band | null =>
      min === null && max === null ? null : { min, max };
    const green = band(value.greenMin, value.greenMax);
    const amber = band(value.amberMin, value.amberMax);

    const problems: Record<Subject, string[]> = { target: [], green: [], amber: [], bands: [] };
    const invalid = fieldMessage('invalid', this.i18n.lang());
    if (notNumber.target) problems.target.push(invalid);
    if (notNumber.greenMin || notNumber.greenMax) problems.green.push(invalid);
    if (notNumber.amberMin || notNumber.amberMax) problems.amber.push(invalid);
    if (criterion) {
      const found = termsItemProblems(criterion, { target: value.target, green, amber });
      // The shared rule names what is wrong with the item; asking it about each band alone tells which band.
      const own = (b: Band | null) =>
        b ? termsItemProblems(criterion, { target: null, green: b, amber: b }) : ([] as TermsItemProblem[]);
      const greenOwn = own(green);
      const amberOwn = own(amber);
      for (const problem of found) {
        const message = fieldMessage(problem, this.i18n.lang());
        if (problem === 'targetNotGreen' || problem === 'targetOutsideBounds') problems.target.push(message);
        else if (problem === 'greenOutsideAmber') problems.green.push(message);
        else if (problem === 'bandOpenWrongWay' || problem === 'bandInverted') {
          if (greenOwn.includes(problem)) problems.green.push(message);
          if (amberOwn.includes(problem)) problems.amber.push(message);
        } else if (problem === 'bandsMissing') {
          if (!green) problems.green.push(message);
          if (!amber) problems.amber.push(message);
        } else problems.bands.push(message);
      }
    }
    const note = LANGUAGES.some((lang) => item.note[lang].trim() !== '') ? item.note : null;
    return {
      criterion,
      shown,
      notNumber,
      problems,
      input: {
        criterionId: item.criterionId,
        required: item.required,
        target: value.target,
        green,
        amber,
        frequency: item.frequency,
        evidenceRequired: item.evidenceRequired,
        note,
      },
    };
  }
}
