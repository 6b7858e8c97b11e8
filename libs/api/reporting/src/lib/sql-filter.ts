import { AuthContext } from '@sopu/api/platform';

/**
 * The WHERE clause of a list, one filter at a time, with numbered parameters. It starts from the
 * organiser's rows and the producer scope: a reporter sees only their own producer's rows, staff
 * the producer they asked for, if any.
 */
export class SqlFilter {
  readonly params: unknown[];
  private readonly conditions: string[];

  constructor(
    alias: string,
    auth: AuthContext,
    requestedProducer: string | undefined,
    /** Parameters the query uses besides the filters, numbered after the organiser ($2…). */
    extra: unknown[] = [],
  ) {
    this.params = [auth.organiserId, ...extra];
    this.conditions = [`${alias}.organiser_id = $1`];
    const producer = auth.role === 'PROVIDER_REPORTER' ? auth.producerId : requestedProducer;
    if (producer) this.add(`${alias}.producer_id = ?`, producer);
  }

  /** A condition in which every `?` stands for `value`; skipped when the value is not given. */
  add(sql: string, value: unknown): this {
    if (value === undefined || value === null || value === '') return this;
    this.params.push(value);
    this.conditions.push(sql.replaceAll('?', `$${this.params.length}`));
    return this;
  }

  /** A condition without a value. */
  when(condition: boolean, sql: string): this {
    if (condition) this.conditions.push(sql);
    return this;
  }

  get where(): string {
    return `WHERE ${this.conditions.join(' AND ')}`;
  }
}
