/**
 * The matrix-product kernel's 4 × 4 tiles in WebAssembly SIMD (f64x2), for products large enough that
 * copying the operands into the module's memory pays for itself.
 *
 * Why: in plain JavaScript every typed-array load is bounds-checked and re-reads the array's map and
 * data pointer, which caps the register-blocked kernel of ./matrix.ts near 4 GFLOP/s. Wasm memory needs
 * no bounds checks (guard pages) and f64x2 does two multiply-adds per instruction.
 *
 * Exactness: every entry is still Σₚ A[i,p]·B[p,j] summed in order p = 0, 1, …, k − 1 from 0, with a
 * separate multiply and add (no fused multiply-add), lane by lane — so the result is bit-for-bit that of
 * the naive triple loop, as with the JavaScript kernel, in Node, browsers and Workers alike.
 *
 * The module is a few hundred bytes, assembled below from named opcodes (no toolchain, no binary
 * file) and compiled synchronously on first use. Where WebAssembly or its SIMD is missing, `wasmTiles`
 * returns false and the caller uses its JavaScript kernel.
 */

// ---- a tiny assembler: just the opcodes the kernel uses ----
const uleb = (v: number): number[] => {
  const out: number[] = [];
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
};
const sleb = (v: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (s: string): number[] => vec([...s].map((c) => [c.charCodeAt(0)]));

const I32 = 0x7f, V128 = 0x7b;
const get = (l: number) => [0x20, ...uleb(l)];
const set = (l: number) => [0x21, ...uleb(l)];
const i32 = (v: number) => [0x41, ...sleb(v)];
const add = [0x6a], mul = [0x6c], sub = [0x6b], geS = [0x4e], eqz = [0x45];
const block = [0x02, 0x40], loop = [0x03, 0x40], end = [0x0b];
const br = (d: number) => [0x0c, ...uleb(d)];
const brIf = (d: number) => [0x0d, ...uleb(d)];
/** memarg: alignment hint 2³ (the data are 8-byte aligned), then a byte offset. */
const memarg = (offset: number) => [3, ...uleb(offset)];
const v128Load = (offset: number) => [0xfd, 0x00, ...memarg(offset)];
const v128Load64Splat = (offset: number) => [0xfd, 0x0a, ...memarg(offset)];
const v128Store = (offset: number) => [0xfd, 0x0b, ...memarg(offset)];
const v128Zero = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];
const f64x2Add = [0xfd, ...uleb(0xf0)], f64x2Mul = [0xfd, ...uleb(0xf2)];

// Parameters (i32): byte addresses a, b, c; byte strides ar, ac (A's row and column), br (B's row;
// B's columns are contiguous), nB (C's row); counts m4, n4 (multiples of 4) and k.
const [A, AR, AC, B, BR, C, NB, M4, N4, K] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
// Locals: i32 …
const [I, J, P, AP, BP, CP, AR2, AR3, AROW] = [10, 11, 12, 13, 14, 15, 16, 17, 18];
// … and v128: the 4 × 4 tile's accumulators (two lanes each), A's splatted entry, B's two pairs.
const ACC = [19, 20, 21, 22, 23, 24, 25, 26], X = 27, B0 = 28, B1 = 29;

/** acc ← acc + x · b, lane by lane (the naive loop's s += a·b). */
const madd = (acc: number, b: number) => [...get(acc), ...get(X), ...get(b), ...f64x2Mul, ...f64x2Add, ...set(acc)];

/** One row r (0…3) of the tile: x = A[i + r, p] in both lanes, then two column pairs. */
const tileRow = (r: number, offset: number[]) => [
  ...get(AP), ...offset, ...v128Load64Splat(0), ...set(X),
  ...madd(ACC[2 * r], B0), ...madd(ACC[2 * r + 1], B1),
];

const body = [
  ...get(AR), ...i32(2), ...mul, ...set(AR2),
  ...get(AR), ...i32(3), ...mul, ...set(AR3),
  ...i32(0), ...set(I), ...get(A), ...set(AROW),
  ...block, ...loop, // rows i, 4 at a time
  ...get(I), ...get(M4), ...geS, ...brIf(1),
  ...i32(0), ...set(J),
  ...block, ...loop, // columns j, 4 at a time
  ...get(J), ...get(N4), ...geS, ...brIf(1),
  ...ACC.flatMap((acc) => [...v128Zero, ...set(acc)]),
  ...get(AROW), ...set(AP),
  ...get(B), ...get(J), ...i32(8), ...mul, ...add, ...set(BP),
  ...get(K), ...set(P),
  ...block, ...loop, // p = 0 … k − 1, in order
  ...get(P), ...eqz, ...brIf(1),
  ...get(BP), ...v128Load(0), ...set(B0),
  ...get(BP), ...v128Load(16), ...set(B1),
  ...tileRow(0, []),
  ...tileRow(1, [...get(AR), ...add]),
  ...tileRow(2, [...get(AR2), ...add]),
  ...tileRow(3, [...get(AR3), ...add]),
  ...get(AP), ...get(AC), ...add, ...set(AP),
  ...get(BP), ...get(BR), ...add, ...set(BP),
  ...get(P), ...i32(1), ...sub, ...set(P),
  ...br(0), ...end, ...end,
  ...get(C), ...get(I), ...get(NB), ...mul, ...add, ...get(J), ...i32(8), ...mul, ...add, ...set(CP),
  ...[0, 1, 2, 3].flatMap((r) => [
    ...(r ? [...get(CP), ...get(NB), ...add, ...set(CP)] : []),
    ...get(CP), ...get(ACC[2 * r]), ...v128Store(0),
    ...get(CP), ...get(ACC[2 * r + 1]), ...v128Store(16),
  ]),
  ...get(J), ...i32(4), ...add, ...set(J),
  ...br(0), ...end, ...end,
  ...get(I), ...i32(4), ...add, ...set(I),
  ...get(AROW), ...get(AR), ...i32(4), ...mul, ...add, ...set(AROW),
  ...br(0), ...end, ...end,
];

const code = [...vec([[9, I32], [11, V128]]), ...body, ...end];

/** The module's bytes: one function `gemm` (10 × i32 → nothing) and one exported memory. */
export const GEMM_WASM = Uint8Array.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, vec([[0x60, ...vec(new Array(10).fill([I32])), ...vec([])]])),
  ...section(3, vec([[0]])),
  ...section(5, vec([[0x00, 1]])),
  ...section(7, vec([[...name('gemm'), 0x00, 0], [...name('memory'), 0x02, 0]])),
  ...section(10, vec([[...uleb(code.length), ...code]])),
]);

// ---- the JavaScript side ----
type GemmFn = (a: number, ar: number, ac: number, b: number, br: number, c: number, nB: number, m4: number, n4: number, k: number) => void;
interface Kernel {
  gemm: GemmFn;
  memory: WebAssembly.Memory;
  view: Float64Array;
}

let kernel: Kernel | null | undefined;

function load(): Kernel | null {
  try {
    if (typeof WebAssembly !== 'object' || !WebAssembly.validate(GEMM_WASM)) return null;
    const instance = new WebAssembly.Instance(new WebAssembly.Module(GEMM_WASM), {});
    const memory = instance.exports.memory as WebAssembly.Memory;
    return { gemm: instance.exports.gemm as GemmFn, memory, view: new Float64Array(memory.buffer) };
  } catch {
    return null;
  }
}

/** Which kernel large products use here: 'wasm-simd', or 'js' where WebAssembly SIMD is missing. */
export function gemmBackend(): 'wasm-simd' | 'js' {
  if (kernel === undefined) kernel = load();
  return kernel ? 'wasm-simd' : 'js';
}

/** For tests: force the JavaScript kernel (false) or allow the wasm one again (true). */
export function setWasmGemm(enabled: boolean): void {
  kernel = enabled ? load() : null;
}

/** Grows the module's memory to hold `doubles` numbers; false if it cannot. */
function reserve(kn: Kernel, doubles: number): boolean {
  const bytes = doubles * 8;
  if (kn.memory.buffer.byteLength < bytes) {
    try {
      kn.memory.grow(Math.ceil((bytes - kn.memory.buffer.byteLength) / 65536));
    } catch {
      return false;
    }
  }
  if (kn.view.buffer !== kn.memory.buffer) kn.view = new Float64Array(kn.memory.buffer);
  return true;
}

/**
 * C[i·n + j] = Σₚ A[i·ar + p·ac] · B[p·br + j·bc] for i < m4, j < n4 (both multiples of 4), p < k,
 * in wasm. Other entries of C are not touched. Returns false (and does nothing) where the wasm kernel
 * is unavailable. A, B and C are the caller's arrays; they are copied in and the tiles copied out.
 */
export function wasmTiles(
  Ad: Float64Array, ar: number, ac: number,
  Bd: Float64Array, br: number, bc: number,
  Cd: Float64Array, m4: number, n4: number, k: number, n: number,
): boolean {
  if (kernel === undefined) kernel = load();
  const kn = kernel;
  const offB = Ad.length, offC = offB + k * n4;
  if (!kn || !reserve(kn, offC + m4 * n4)) return false;
  const v = kn.view;
  v.set(Ad, 0);
  // B's first n4 columns, rows contiguous (stride n4), whatever its strides were.
  for (let p = 0; p < k; p++) {
    const src = p * br, dst = offB + p * n4;
    for (let j = 0; j < n4; j++) v[dst + j] = Bd[src + j * bc];
  }
  kn.gemm(0, ar * 8, ac * 8, offB * 8, n4 * 8, offC * 8, n4 * 8, m4, n4, k);
  for (let i = 0; i < m4; i++) {
    const src = offC + i * n4, dst = i * n;
    for (let j = 0; j < n4; j++) Cd[dst + j] = v[src + j];
  }
  return true;
}
