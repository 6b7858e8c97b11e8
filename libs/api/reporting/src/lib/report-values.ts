import {
  ReportFormItem,
  ReportValueInput,
  ReportValueView,
  TEXT_MAX_LENGTH,
  validateValue,
  ValueCheck,
} from '@sopu/shared';
import { FieldIssue } from '@sopu/api/platform';

/** The entry fields that hold typed numbers: strings on the wire, numbers accepted from systems. */
const NUMBER_FIELDS = ['value', 'numerator', 'denominator', 'respondents'] as const;
const TEXT_FIELDS = ['text', 'notApplicableReason', 'comment'] as const;
const FLAG_FIELDS = ['flag', 'notApplicable'] as const;
const KNOWN_FIELDS = new Set<string>([...NUMBER_FIELDS, ...TEXT_FIELDS, ...FLAG_FIELDS]);
/** What `GET /api/reports/{id}` adds to each value: a client may send a value back as it got it. */
const READ_ONLY_FIELDS = new Set<string>(['criterionCode', 'measured', 'light', 'issues', 'attachments']);

/** The longest typed number kept (15 digits, a point and 10 decimals, a sign, spaces). */
const NUMBER_TEXT_MAX = 40;

/**
 * Checks the shape of `values` as a client sent it and gives back clean entries by criterion code.
 * Shape problems (an unknown criterion, a number where text belongs, an unknown field) are the
 * client's mistake and answer 400; the values' own rules are checked by `validateValue`.
 */
export function normaliseValues(
  raw: unknown,
  codes: ReadonlySet<string>,
): { values: Record<string, ReportValueInput>; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const values: Record<string, ReportValueInput> = {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { values, issues: [{ field: 'values', problem: 'invalid' }] };
  }
  for (const [code, entry] of Object.entries(raw as Record<string, unknown>)) {
    const at = `values.${code}`;
    if (!codes.has(code)) {
      issues.push({ field: at, problem: 'unknownCriterion' });
      continue;
    }
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      issues.push({ field: at, problem: 'invalid' });
      continue;
    }
    const clean: ReportValueInput = {};
    for (const [field, given] of Object.entries(entry as Record<string, unknown>)) {
      const path = `${at}.${field}`;
      if (READ_ONLY_FIELDS.has(field)) continue;
      if (!KNOWN_FIELDS.has(field)) {
        issues.push({ field: path, problem: 'notAllowed' });
        continue;
      }
      if (given === null || given === undefined) continue;
      if ((NUMBER_FIELDS as readonly string[]).includes(field)) {
        const text = typeof given === 'number' ? (Number.isFinite(given) ? String(given) : null) : given;
        if (typeof text !== 'string') issues.push({ field: path, problem: 'notNumber' });
        else if (text.length > NUMBER_TEXT_MAX)
          issues.push({ field: path, problem: 'tooLong', params: { max: NUMBER_TEXT_MAX } });
        else if (text.trim() !== '') clean[field as (typeof NUMBER_FIELDS)[number]] = text.trim();
      } else if ((TEXT_FIELDS as readonly string[]).includes(field)) {
        if (typeof given !== 'string') issues.push({ field: path, problem: 'invalid' });
        else if (given.length > TEXT_MAX_LENGTH)
          issues.push({ field: path, problem: 'tooLong', params: { max: TEXT_MAX_LENGTH } });
        else if (given.includes('\u0000')) issues.push({ field: path, problem: 'noControlCharacters' });
        else if (given.trim() !== '') clean[field as (typeof TEXT_FIELDS)[number]] = given;
      } else if (typeof given !== 'boolean') {
        issues.push({ field: path, problem: 'invalid' });
      } else {
        clean[field as (typeof FLAG_FIELDS)[number]] = given;
      }
    }
    values[code] = clean;
  }
  return { values, issues };
}

export interface CheckedValue {
  item: ReportFormItem;
  entry: ReportValueInput;
  check: ValueCheck;
}

/** Every item of the form checked against its entry (an item left out is checked as empty). */
export function checkValues(
  items: readonly ReportFormItem[],
  values: Record<string, ReportValueInput>,
): CheckedValue[] {
  return items.map((item) => {
    const entry = values[item.criterion.code] ?? {};
    return { item, entry, check: validateValue(item.criterion, item.item, entry) };
  });
}

export function valueView(checked: CheckedValue): ReportValueView {
  return {
    ...checked.entry,
    criterionCode: checked.item.criterion.code,
    measured: checked.check.measured,
    light: checked.check.light,
    issues: checked.check.issues,
  };
}

/** The value's problems as API field issues: `values.CODE.numerator`. */
export function valueFieldIssues(checked: readonly CheckedValue[]): FieldIssue[] {
  return checked.flatMap(({ item, check }) =>
    check.issues.map((issue) => ({
      field: `values.${item.criterion.code}.${issue.field}`,
      problem: issue.problem,
      ...(issue.params ? { params: issue.params } : {}),
    })),
  );
}

/** A number typed in the form as the database stores it (`12,5` → `12.5`), or null. */
export function decimalText(text: string | null | undefined): string | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  return text.trim().replace(/\s/g, '').replace(',', '.');
}
