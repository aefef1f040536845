// Size limits shared by the loader and the parser (kept apart so the loader need not load the parser).

/** A content file larger than this is refused with a clear error. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
