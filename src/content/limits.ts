// Size limits shared by the loader and the parser (kept apart so the loader need not load the parser),
// and how a size is said: a 21 MB file is "21.0 MiB", never the limit it passed.

/**
 * A scenario needs at least this many distractors (TOO_FEW_DISTRACTORS). The pack builder checks it,
 * so a short item gets its own code; the JSON Schemas carry it as `minItems` for editors.
 */
export const MIN_DISTRACTORS = 2;

/** A content file larger than this is refused with a clear error. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** "512 B", "14.2 KiB", "21.0 MiB", "1.5 GiB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1048576).toFixed(1)} MiB`;
  return `${(bytes / 1073741824).toFixed(1)} GiB`;
}

/** The FILE_TOO_LARGE message for a file of `size` bytes (its real size). */
export function tooLargeMessage(size: number, limit = MAX_FILE_BYTES): string {
  // Just over the limit would round to the limit itself ("8.0 MiB; the limit is 8.0 MiB"): then in bytes.
  const shown = formatSize(size) === formatSize(limit) ? `${size} bytes` : formatSize(size);
  return `file is ${size > limit ? shown : `over ${formatSize(limit)}`}; the limit is ${formatSize(limit)}`;
}
