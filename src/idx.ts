import { EngineError } from './errors';

/**
 * IDX, the file format of MNIST and Fashion-MNIST: a 4-byte magic (two zero bytes, a type code,
 * the number of dimensions), one big-endian uint32 per dimension, then the values in row-major
 * order, big-endian. Debian's `dataset-fashion-mnist` ships four of them, each gzip-compressed.
 */
export type IdxDType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

export type IdxData = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

export interface IdxArray {
  readonly dtype: IdxDType;
  /** Sizes, outermost first: [60000, 28, 28] for the training images. */
  readonly dims: readonly number[];
  /** The values, row-major. For uint8 this is a view into the input bytes (no copy). */
  readonly data: IdxData;
}

const TYPES: Record<number, { dtype: IdxDType; size: number }> = {
  0x08: { dtype: 'uint8', size: 1 },
  0x09: { dtype: 'int8', size: 1 },
  0x0b: { dtype: 'int16', size: 2 },
  0x0c: { dtype: 'int32', size: 4 },
  0x0d: { dtype: 'float32', size: 4 },
  0x0e: { dtype: 'float64', size: 8 },
};

/** More dimensions than any real IDX file has; a larger count means the header is not IDX. */
const MAX_DIMS = 16;

/** Gzip's two magic bytes, 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Parses one uncompressed IDX file. Throws an EngineError ('dataset') naming the problem when the
 * magic, type code or dimension count is wrong, or when the byte length does not match the header
 * (truncated, or trailing bytes). `name` labels the messages (a file name, say).
 */
export function parseIdx(bytes: Uint8Array, name = 'IDX file'): IdxArray {
  if (bytes.length < 4) throw new EngineError('dataset', `${name} is truncated: ${bytes.length} bytes, shorter than the 4-byte IDX magic`);
  if (isGzip(bytes)) throw new EngineError('dataset', `${name} is gzip-compressed: decompress it first (readIdx does)`);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw new EngineError('dataset', `${name} is not an IDX file: its magic starts ${hex(bytes, 0, 4)}, expected 00 00`);
  }
  const type = TYPES[bytes[2]];
  if (!type) throw new EngineError('dataset', `${name} has an unknown IDX type code 0x${bytes[2].toString(16).padStart(2, '0')}`);
  const ndims = bytes[3];
  if (ndims < 1 || ndims > MAX_DIMS) throw new EngineError('dataset', `${name} claims ${ndims} dimensions; expected 1 to ${MAX_DIMS}`);
  const headerBytes = 4 + 4 * ndims;
  if (bytes.length < headerBytes) {
    throw new EngineError('dataset', `${name} is truncated: its header needs ${headerBytes} bytes, the file has ${bytes.length}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  let count = 1;
  for (let d = 0; d < ndims; d++) {
    const size = view.getUint32(4 + 4 * d, false);
    dims.push(size);
    count *= size;
  }
  const expected = headerBytes + count * type.size;
  if (bytes.length < expected) {
    throw new EngineError('dataset', `${name} is truncated: dimensions [${dims.join(' × ')}] of ${type.dtype} need ${expected} bytes, the file has ${bytes.length}`);
  }
  if (bytes.length > expected) {
    throw new EngineError('dataset', `${name} has ${bytes.length - expected} unexpected bytes after the [${dims.join(' × ')}] ${type.dtype} data`);
  }
  return { dtype: type.dtype, dims, data: readValues(view, headerBytes, count, type.dtype) };
}

/** Copies `count` big-endian values starting at `offset` into a typed array (uint8: a view). */
function readValues(view: DataView, offset: number, count: number, dtype: IdxDType): IdxData {
  switch (dtype) {
    case 'uint8':
      return new Uint8Array(view.buffer, view.byteOffset + offset, count);
    case 'int8':
      return new Int8Array(view.buffer, view.byteOffset + offset, count);
    case 'int16': {
      const out = new Int16Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt16(offset + 2 * i, false);
      return out;
    }
    case 'int32': {
      const out = new Int32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt32(offset + 4 * i, false);
      return out;
    }
    case 'float32': {
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(offset + 4 * i, false);
      return out;
    }
    case 'float64': {
      const out = new Float64Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(offset + 8 * i, false);
      return out;
    }
  }
}

export interface GunzipOptions {
  /** Stop with an error once the output passes this many bytes (a guard against gzip bombs). */
  readonly maxBytes?: number;
}

/**
 * Decompresses gzip bytes with the platform's DecompressionStream (Node 18+, browsers, Workers).
 * Corrupt, truncated or non-gzip input rejects with an EngineError ('dataset'); it never hangs,
 * because the whole input is queued and closed before reading starts.
 */
export async function gunzip(bytes: Uint8Array, options: GunzipOptions = {}): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  if (!isGzip(bytes)) throw new EngineError('dataset', `not gzip data: it starts ${hex(bytes, 0, 2)}, expected 1f 8b`);
  if (typeof DecompressionStream === 'undefined') {
    throw new EngineError('dataset', 'this JavaScript runtime has no DecompressionStream, so it cannot gunzip (Node 18+ and current browsers have one)');
  }
  // DecompressionStream takes ArrayBuffer-backed chunks; copy only if the input is shared memory.
  const chunk = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
  const input = new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(chunk);
      controller.close();
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel();
        throw new EngineError('dataset', `gzip data expands past ${maxBytes} bytes; refusing to decompress further`);
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof EngineError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw new EngineError('dataset', `gzip data is corrupt or truncated (${why})`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Parses an IDX file that may be gzip-compressed (as Debian ships them). */
export async function readIdx(bytes: Uint8Array, name = 'IDX file', options: GunzipOptions = {}): Promise<IdxArray> {
  let raw = bytes;
  if (isGzip(bytes)) {
    try {
      raw = await gunzip(bytes, options);
    } catch (err) {
      if (err instanceof EngineError) throw new EngineError('dataset', `${name}: ${err.message}`);
      throw err;
    }
  }
  return parseIdx(raw, name);
}

/** The first bytes as hex, for error messages. */
export function hex(bytes: Uint8Array, from: number, to: number): string {
  const part = Array.from(bytes.subarray(from, Math.min(to, bytes.length)), (b) => b.toString(16).padStart(2, '0'));
  return part.length ? part.join(' ') : '(nothing)';
}
