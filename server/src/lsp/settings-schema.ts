/**
 * The editor settings of Plain Words, defined once. The language server reads them through
 * `workspace/configuration` (section `plainwords`); the VS Code extension's
 * `contributes.configuration` is generated from this object, so it is plain JSON data: each
 * setting has type, default, description and, where it applies, enum and scope.
 *
 * Settings marked `"x-clientOnly": true` are read by editor clients only; the server ignores them.
 */

const severityOrOff = {
  type: 'string',
  enum: ['error', 'warning', 'info', 'hint', 'off'],
  enumDescriptions: ['Shown as an error.', 'Shown as a warning.', 'Shown as information.', 'Shown as a hint (faint underline).', 'Not shown.'],
} as const;

const categoryDescriptions: Record<string, string> = {
  'nhs-jargon': 'NHS jargon (for example “secondary care”).',
  'care-services': 'Care services jargon (for example “care package”).',
  medical: 'Medical words with plain alternatives (for example “hypertension”).',
  'co-production': 'Co-production and engagement jargon (for example “stakeholder”).',
  'government-jargon': 'Government and management jargon (for example “going forward”).',
  'wordy-phrase': 'Wordy phrases (for example “in order to”).',
  'respectful-language': 'Words that can label or hurt people (for example “suffers from”).',
  acronym: 'Acronyms not explained on first use.',
};

export const settingsSchema = {
  title: 'Plain Words',
  type: 'object',
  properties: {
    'plainwords.audience': {
      type: 'string',
      enum: ['public', 'staff'],
      enumDescriptions: ['Patients, carers and the public.', 'Health and care staff.'],
      default: 'public',
      scope: 'resource',
      description:
        'Who documents are for, when neither the document (front matter `audience:`) nor the project file (.plainwords.json) says. Some words are fine for staff but not for the public, and the target reading age differs.',
    },
    'plainwords.readingAge.public': {
      type: 'integer',
      minimum: 5,
      maximum: 25,
      default: 9,
      scope: 'resource',
      description: 'Target UK reading age for documents for the public (9, as GOV.UK and the NHS aim for). A .plainwords.json "readingAge" overrides it.',
    },
    'plainwords.readingAge.staff': {
      type: 'integer',
      minimum: 5,
      maximum: 25,
      default: 14,
      scope: 'resource',
      description: 'Target UK reading age for documents for staff. A .plainwords.json "readingAge" overrides it.',
    },
    'plainwords.categories': {
      type: 'object',
      default: {},
      scope: 'resource',
      description: 'Severity per dictionary category, or "off". A .plainwords.json "categories" overrides it for the categories it names.',
      additionalProperties: false,
      properties: Object.fromEntries(Object.entries(categoryDescriptions).map(([k, d]) => [k, { ...severityOrOff, description: d }])),
    },
    'plainwords.rules': {
      type: 'object',
      default: {},
      scope: 'resource',
      description:
        'Severity per dictionary entry id (for example "utilise") or rule id ("acronym"), or "off". A .plainwords.json "rules" overrides it for the ids it names.',
      additionalProperties: severityOrOff,
    },
    'plainwords.allow': {
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: 200 },
      default: [],
      scope: 'resource',
      description:
        'Your own words and phrases never flagged. Shared project words belong in the "allow" list of .plainwords.json (the "Add to project word list" quick fix writes there).',
    },
    'plainwords.codeLens': {
      type: 'boolean',
      default: false,
      scope: 'resource',
      description: 'Show the reading age and its target above each heading.',
    },
    'plainwords.maxFileSize': {
      type: 'integer',
      minimum: 0,
      default: 2000000,
      scope: 'resource',
      description:
        'Documents larger than this many bytes are not checked as you type (one note at the top says so); check them with `npx plainwords check <file>`. 0 means no limit.',
    },
    'plainwords.languages': {
      type: 'array',
      items: { type: 'string' },
      default: ['markdown', 'plaintext'],
      scope: 'window',
      'x-clientOnly': true,
      description: 'Language ids of the documents Plain Words checks. Changing it restarts the language server.',
    },
    'plainwords.trace.server': {
      type: 'string',
      enum: ['off', 'messages', 'verbose'],
      default: 'off',
      scope: 'window',
      'x-clientOnly': true,
      description: 'Log the messages between the editor and the Plain Words language server (for reporting problems).',
    },
  },
} as const;

export type SettingName = keyof typeof settingsSchema.properties;
