import fc from 'fast-check';

/**
 * The hostile-input corpus: JSON fragments (raw text, so that 1e999, lone surrogates and 10,000
 * levels of nesting reach the server exactly as an attacker would send them), chosen by the kind of
 * the field they replace. fast-check adds generated values under a fixed seed, so a run is
 * reproducible and bounded.
 */
export const SEED = 20260701;
const GENERATED_PER_FIELD = 1;

/** What a field of a valid body is, which decides what counts as hostile for it. */
export type FieldKind =
  'text' | 'pattern' | 'numberText' | 'id' | 'date' | 'int' | 'number' | 'bool' | 'object' | 'array';

export interface Hostile {
  label: string;
  /** JSON text put in the field's place. */
  raw: string;
}

const json = (label: string, value: unknown): Hostile => ({ label, raw: JSON.stringify(value) });
const raw = (label: string, text: string): Hostile => ({ label, raw: text });

export const MEGABYTE_STRING = 'a'.repeat(1_000_000);
const DEPTH = 10_000;
export const DEEP_ARRAY = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
export const DEEP_OBJECT = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);

/**
 * Strings a free-text field may legitimately keep: they must then be stored and returned verbatim
 * (nothing trimmed, escaped or executed). A field with a pattern, an enum or an id refuses them.
 */
export const ACCEPTABLE_STRINGS: Hostile[] = [
  json('right-to-left override', 'Hoiva\u202Efdp.exe\u202C Oy'),
  json('right-to-left mark', 'Hoiva \u200FOy'),
  json('zero-width characters', 'Zero\u200Bwidth\u200C\u200Djoin\uFEFFer'),
  json('emoji with joiners', 'Hoiva 👩‍⚕️🏥🇫🇮'),
  json('combining marks', 'Z̷̢͈a̸l̶g̵o̴'),
  json('SQL injection', "'; DROP TABLE producer; --"),
  json('SQL tautology', "1' OR '1'='1"),
  json('HTML script', '<script>alert(1)</script>'),
  json('HTML image handler', '<img src=x onerror=alert(1)>'),
  json('template injection', '{{constructor.constructor("alert(1)")()}}'),
  json('formula =CMD()', '=CMD()'),
  json('formula +1', '+1'),
  json('formula -1', '-1'),
  json('formula @SUM', '@SUM(A1:A9)'),
  json('formula HYPERLINK', '=HYPERLINK("http://evil.example","x")'),
];

/** Strings no text field may keep. */
const ALWAYS_REFUSED_STRINGS: Hostile[] = [
  json('1 MB string', MEGABYTE_STRING),
  json('NUL byte', 'Hoiva\u0000Oy'),
  raw('lone high surrogate', '"Hoiva \\ud800 Oy"'),
  raw('lone low surrogate', '"\\udc00"'),
];

const WRONG_FOR_STRING: Hostile[] = [
  json('number instead of text', 42),
  json('array instead of text', ['a']),
  json('object instead of text', { a: 'b' }),
];

/** The acceptable strings a field with a pattern, an enum or an id is tried with. */
const SOME_ACCEPTABLE = [
  'right-to-left override',
  'zero-width characters',
  'emoji with joiners',
  'SQL tautology',
  'HTML script',
  'formula =CMD()',
];

const IMPOSSIBLE_DATES: Hostile[] = [
  json('30 February', '2025-02-30'),
  json('month 13', '2025-13-01'),
  json('29 February of a common year', '2025-02-29'),
  json('year 0', '0000-01-01'),
  json('date with an hour 25', '2025-01-01T25:00:00Z'),
  json('date as number', 20250101),
];

const WRONG_FOR_NUMBER: Hostile[] = [
  json('number as text', '42'),
  json('NaN as text', 'NaN'),
  json('Infinity as text', 'Infinity'),
  raw('1e999 (parses as Infinity)', '1e999'),
  raw('-1e999 (parses as -Infinity)', '-1e999'),
  json('object instead of number', { value: 1 }),
];

/** A measured value: text on the wire, a finite JSON number accepted from systems. */
const WRONG_FOR_NUMBER_TEXT: Hostile[] = [
  json('NaN as text', 'NaN'),
  json('Infinity as text', 'Infinity'),
  json('1e999 as text', '1e999'),
  raw('1e999 (parses as Infinity)', '1e999'),
  raw('-1e999 (parses as -Infinity)', '-1e999'),
  json('two numbers', '1,2,3'),
  json('double minus', '--1'),
  json('boolean instead of number', true),
  json('array instead of number', ['1']),
  json('object instead of number', { value: '1' }),
];

const OUT_OF_RANGE_INT: Hostile[] = [json('negative', -1), json('fraction', 1.5), raw('1e20', '1e20')];

const OUT_OF_RANGE_NUMBER: Hostile[] = [
  raw('-1e308', '-1e308'),
  raw('seven decimals', '1.0000001'),
  raw('5e-324', '5e-324'),
];

const WRONG_FOR_BOOLEAN: Hostile[] = [json('"true" as text', 'true'), json('1 instead of true', 1)];

const WRONG_FOR_OBJECT: Hostile[] = [
  json('text instead of object', 'x'),
  json('number instead of object', 42),
  json('array instead of object', [{}]),
  raw('object nested 10,000 levels', DEEP_OBJECT),
];

const WRONG_FOR_ARRAY: Hostile[] = [
  json('text instead of array', 'x'),
  json('object instead of array', { 0: 'x' }),
  raw('array nested 10,000 levels', DEEP_ARRAY),
  json(
    'array of 10,001 texts',
    Array.from({ length: 10_001 }, () => 'x'),
  ),
  json('array of null', [null]),
];

/** A well-formed id that names no record. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const WRONG_FOR_ID: Hostile[] = [
  json('unknown id', UNKNOWN_ID),
  json('not a uuid', 'not-a-uuid'),
  json('uuid with SQL', `${UNKNOWN_ID}' OR '1'='1`),
];

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Generated values of another JSON type than the field's, and texts with a NUL byte in them. */
function generated(kind: FieldKind, valid: unknown, path: string): Hostile[] {
  const seed = SEED + [...path].reduce((sum, ch) => sum + ch.charCodeAt(0), 0);
  const otherType = fc
    .jsonValue({ maxDepth: 3 })
    .filter(
      (v) =>
        v !== null &&
        jsonType(v) !== jsonType(valid) &&
        !(kind === 'numberText' && typeof v === 'number') &&
        !(kind === 'number' && Object.is(v, -0)),
    );
  const values: Hostile[] = fc
    .sample(otherType, { seed, numRuns: GENERATED_PER_FIELD })
    .map((v, i) => json(`generated value ${i + 1} of another type`, v));
  if (typeof valid === 'string') {
    const withNul = fc
      .tuple(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }))
      .map(([a, b]) => `${a}\u0000${b}`);
    values.push(
      ...fc
        .sample(withNul, { seed, numRuns: GENERATED_PER_FIELD })
        .map((v, i) => json(`generated text ${i + 1} with NUL`, v)),
    );
  }
  return values;
}

/** Every value the field must refuse. */
export function refusedFor(
  kind: FieldKind,
  valid: unknown,
  path: string,
  options: { nullable: boolean; foreignIds: string[] },
): Hostile[] {
  const nul = options.nullable ? [] : [json('null', null)];
  const byKind: Record<FieldKind, Hostile[]> = {
    text: [...WRONG_FOR_STRING, ...ALWAYS_REFUSED_STRINGS],
    pattern: [
      ...WRONG_FOR_STRING,
      ...ALWAYS_REFUSED_STRINGS,
      ...ACCEPTABLE_STRINGS.filter((h) => SOME_ACCEPTABLE.includes(h.label)),
      json('empty', ''),
    ],
    id: [
      ...WRONG_FOR_STRING,
      ...ALWAYS_REFUSED_STRINGS,
      ...WRONG_FOR_ID,
      ...options.foreignIds.map((id, i) => json(`another producer's or organiser's id ${i + 1}`, id)),
    ],
    date: [...WRONG_FOR_STRING, ...ALWAYS_REFUSED_STRINGS, ...IMPOSSIBLE_DATES],
    // A draft keeps a number as typed (checked on submit); only what is not text at all is refused.
    numberText: [...WRONG_FOR_NUMBER_TEXT.filter((h) => !h.raw.startsWith('"')), ...ALWAYS_REFUSED_STRINGS],
    int: [...WRONG_FOR_NUMBER, ...OUT_OF_RANGE_INT],
    number: [...WRONG_FOR_NUMBER, ...OUT_OF_RANGE_NUMBER],
    bool: WRONG_FOR_BOOLEAN,
    object: WRONG_FOR_OBJECT,
    array: WRONG_FOR_ARRAY,
  };
  return [...byKind[kind], ...nul, ...generated(kind, valid, path)];
}

/** Numbers typed wrong, which a draft keeps as typed and the submission refuses. */
export const TYPED_NUMBERS: Hostile[] = WRONG_FOR_NUMBER_TEXT.filter((h) => h.raw.startsWith('"'));

/** Free texts that may be accepted: the fixed list and generated printable texts. */
export function acceptableTexts(path: string): Hostile[] {
  const seed = SEED + [...path].reduce((sum, ch) => sum + ch.charCodeAt(0), 0);
  const printable = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
    .filter((s) => s.trim() === s && s.length > 0 && !/\p{Cc}/u.test(s));
  return [
    ...ACCEPTABLE_STRINGS,
    ...fc
      .sample(printable, { seed, numRuns: GENERATED_PER_FIELD })
      .map((v, i) => json(`generated text ${i + 1}`, v)),
  ];
}

/** Bodies that replace the whole valid body. */
export function hostileBodies(validJson: string): { label: string; raw: string; contentType?: string }[] {
  const inner = validJson.slice(1, -1);
  const comma = inner.length > 0 ? ',' : '';
  return [
    { label: 'empty array', raw: '[]' },
    { label: 'array around the body', raw: `[${validJson}]` },
    { label: 'text', raw: '"x"' },
    { label: 'null', raw: 'null' },
    { label: 'empty body', raw: '' },
    { label: 'malformed JSON', raw: `{${inner}${comma}"x":` },
    { label: 'NaN literal', raw: `{${inner}${comma}"x":NaN}` },
    { label: 'extra field', raw: `{${inner}${comma}"isAdmin":true}` },
    { label: '__proto__ pollution', raw: `{${inner}${comma}"__proto__":{"role":"ADMIN","isAdmin":true}}` },
    { label: 'extra field nested 10,000 levels', raw: `{${inner}${comma}"x":${DEEP_ARRAY}}` },
    { label: 'array nested 10,000 levels', raw: DEEP_ARRAY },
    { label: 'object nested 10,000 levels', raw: DEEP_OBJECT },
    { label: 'body over 1 MB', raw: `{${inner}${comma}"x":"${'a'.repeat(1_100_000)}"}` },
    { label: 'valid JSON sent as text/plain', raw: validJson, contentType: 'text/plain' },
    {
      label: 'valid JSON sent as form data',
      raw: validJson,
      contentType: 'application/x-www-form-urlencoded',
    },
  ];
}

/** Texts for query parameters (a URL carries no JSON types; 10 KB stands for the long string). */
export function hostileQueryValues(kind: 'text' | 'pattern'): Hostile[] {
  const values: Hostile[] = [
    json('10 KB text', 'a'.repeat(10_000)),
    json('NUL byte', 'a\u0000b.pdf'),
    json('path traversal', '../../etc/passwd'),
    json('empty', ''),
  ];
  return kind === 'pattern' ? [...values, ...ACCEPTABLE_STRINGS] : values;
}
