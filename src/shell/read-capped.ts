// Reading a file a user named: it must be a regular file (a FIFO, a device or /dev/zero has no end),
// and reading stops at a byte cap instead of at the end — before and after gunzip — so no input can
// fill memory. Errors are one line with the real size and what to do.
import { closeSync, createReadStream, fstatSync, openSync, readSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { createGunzip, gunzipSync } from "node:zlib";
import { formatSize } from "../content/limits.js";
import { visibleInline } from "./sanitize.js";
import { UserError } from "./errors.js";

const MiB = 1024 * 1024;
/** Caps per kind of file: what is parsed whole is small; what is streamed may be large. */
export const INPUT_LIMITS = {
  /** A trail / event data store configuration (YAML or JSON). */
  config: 16 * MiB,
  /** `simulate insights --counts`: a JSON array of per-minute counts. */
  counts: 16 * MiB,
  /** `import progress`: an export of the review log. */
  progress: 256 * MiB,
  /** CloudTrail records or batch calls, read as a stream (also after gunzip). */
  records: 4 * 1024 * MiB,
} as const;

/** Read at most `cap + 1` bytes of `path` (so a caller can tell "over the cap"), whatever stat said. */
export function readCapped(path: string, cap: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    // The first read asks for the whole file as stat sees it (and a byte more, to see the end), so a
    // file read whole needs no copying; what stat cannot size (or a file that grows) reads on in MiBs.
    let first = Math.max(64 * 1024, fstatSync(fd).size + 1);
    for (;;) {
      const want = Math.min(first, cap + 1 - total);
      first = 1 * MiB;
      if (want <= 0) break;
      const buf = Buffer.allocUnsafe(want);
      const n = readSync(fd, buf, 0, want, null);
      if (n === 0) break;
      chunks.push(n === want ? buf : buf.subarray(0, n));
      total += n;
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

function shown(file: string): string {
  return visibleInline(file);
}

/** Stat a named file and refuse anything but a regular file; returns its size. */
export function checkRegularFile(cwd: string, file: string): { path: string; size: number } {
  const path = resolve(cwd, file);
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (err) {
    throw new UserError(`cannot read '${shown(file)}' (${(err as NodeJS.ErrnoException).code ?? "error"})`, "check the path and that you may read it");
  }
  if (st.isDirectory()) throw new UserError(`'${shown(file)}' is a directory, not a file`, "name a file");
  if (!st.isFile())
    throw new UserError(
      `'${shown(file)}' is not a regular file (a device, a pipe or a socket is not read)`,
      "save the input to a file first and name that file",
    );
  return { path, size: st.size };
}

function tooLarge(file: string, size: number | undefined, cap: number, after = ""): UserError {
  const real = size !== undefined && size > cap ? `${formatSize(size)}; ` : "";
  return new UserError(`'${shown(file)}' is too large${after} (${real}the limit is ${formatSize(cap)})`, "split it into smaller files");
}

/** A whole file a user named, as text: regular, at most `cap` bytes (also once gunzipped), BOM dropped. */
export function readUserFile(cwd: string, file: string, cap: number): string {
  const { path, size } = checkRegularFile(cwd, file);
  if (size > cap) throw tooLarge(file, size, cap);
  let bytes: Buffer;
  try {
    bytes = readCapped(path, cap);
  } catch (err) {
    throw new UserError(`cannot read '${shown(file)}' (${(err as NodeJS.ErrnoException).code ?? "error"})`, "check the path and that you may read it");
  }
  if (bytes.length > cap) throw tooLarge(file, undefined, cap);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: cap });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError)
        throw tooLarge(file, undefined, cap, " once decompressed");
      throw new UserError(`'${shown(file)}' looks gzipped but cannot be decompressed`, "give the .gz file as CloudTrail wrote it, or decompress it first");
    }
  }
  return bytes.toString("utf8").replace(/^\uFEFF/, "");
}

/**
 * A named file as text pieces, read as a stream (gunzipped when it starts with the gzip magic),
 * stopping with "too large" once `cap` bytes have been read or decompressed.
 */
export async function* streamUserFile(cwd: string, file: string, cap: number): AsyncGenerator<string> {
  const { path, size } = checkRegularFile(cwd, file);
  if (size > cap) throw tooLarge(file, size, cap);
  const head = Buffer.alloc(2);
  const fd = openSync(path, "r");
  let gz = false;
  try {
    fstatSync(fd);
    gz = readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
  const raw = createReadStream(path, { highWaterMark: 1 * MiB, end: cap });
  const source = gz ? raw.pipe(createGunzip({ chunkSize: 256 * 1024 })) : raw;
  if (gz) raw.on("error", (e) => source.destroy(e));
  const decoder = new StringDecoder("utf8");
  let total = 0;
  let first = true;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > cap) throw tooLarge(file, undefined, cap, gz ? " once decompressed" : "");
      let text = decoder.write(chunk);
      if (first) {
        text = text.replace(/^\uFEFF/, "");
        first = false;
      }
      if (text) yield text;
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (gz && code?.startsWith("Z_"))
      throw new UserError(
        `'${shown(file)}' looks gzipped but cannot be decompressed (${code})`,
        "give the .gz file as CloudTrail wrote it, or decompress it first",
      );
    throw new UserError(`cannot read '${shown(file)}' (${code ?? "error"})`, "check the path and that you may read it");
  } finally {
    raw.destroy();
    if (gz) (source as NodeJS.ReadableStream & { destroy(): void }).destroy();
  }
  const rest = decoder.end();
  if (rest) yield rest;
}
