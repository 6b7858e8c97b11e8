import { Signal, WritableSignal, inject, linkedSignal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { Observable, catchError, debounceTime, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';

/** A query parameter's value if it is one of the allowed ones; anything else in the URL is ignored. */
export function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | '' {
  return allowed.includes(value as T) ? (value as T) : '';
}

/** The filters of a list page, kept in the URL. */
export interface UrlFilters<Name extends string> {
  /** What is in the search box; follows the URL (back button, shared link) and goes into it after a pause. */
  readonly searchText: WritableSignal<string>;
  /** Puts filters into the URL; an empty value takes one out. */
  set(changes: Partial<Record<Name, string>>): void;
  /** Empties the search box and every filter. */
  clear(): void;
}

/**
 * A list page's filters live in the URL (`?type=…&district=…`), so that a filtered view can be bookmarked and
 * shared, and the back button returns to it. The page binds the query parameters as inputs and reads its query
 * from them; this writes them. `search` is the page's `search` input. Call in an injection context.
 */
export function urlFilters<Name extends string>(
  names: readonly Name[],
  search: Signal<string | undefined>,
): UrlFilters<Name | 'search'> {
  const router = inject(Router);
  const route = inject(ActivatedRoute);
  const searchText = linkedSignal(() => search() ?? '');

  type Changes = Partial<Record<Name | 'search', string>>;
  const set = (changes: Changes): void => {
    const queryParams: Record<string, string | null> = {};
    for (const [name, value] of Object.entries<string | undefined>(changes))
      queryParams[name] = value || null;
    void router.navigate([], {
      relativeTo: route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  };

  toObservable(searchText)
    .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed())
    .subscribe((text) => {
      if (text !== (search() ?? '')) set({ search: text } as Changes);
    });

  return {
    searchText,
    set,
    clear: () => {
      searchText.set('');
      set(Object.fromEntries(['search', ...names].map((name) => [name, ''])) as Changes);
    },
  };
}

/** The typed search text once typing pauses, trimmed, so that each keystroke does not ask the API. */
export function settledSearch(text: Signal<string>): Signal<string> {
  return toSignal(
    toObservable(text).pipe(
      debounceTime(300),
      map((typed) => typed.trim()),
      distinctUntilChanged(),
    ),
    {
      initialValue: '',
    },
  );
}

/** The rows of a list and whether they are being loaded. */
export interface FilteredList<T> {
  readonly rows: Signal<T[]>;
  readonly loading: Signal<boolean>;
}

/**
 * Loads a list again whenever its query really changes. A failed load leaves the list empty: the global error
 * notice tells what went wrong. Call in an injection context.
 */
export function filteredList<Q, T>(query: Signal<Q>, load: (query: Q) => Observable<T[]>): FilteredList<T> {
  const loading = signal(true);
  const rows = toSignal(
    toObservable(query).pipe(
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      tap(() => loading.set(true)),
      switchMap((q) => load(q).pipe(catchError(() => of([] as T[])))),
      tap(() => loading.set(false)),
    ),
    { initialValue: [] as T[] },
  );
  return { rows, loading: loading.asReadonly() };
}
