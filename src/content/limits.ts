// Size limits shared by the loader and the parser (kept apart so the loader need not load the parser).

/**
 * A scenario needs at least this many distractors (TOO_FEW_DISTRACTORS). The pack builder checks it,
 * so a short item gets its own code; the JSON Schemas carry it as `minItems` for editors.
 */
export const MIN_DISTRACTORS = 2;

/** A content file larger than this is refused with a clear error. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
