// Lists of the lanes that spiked, without a branch per lane: i8x16.swizzle with one of 16 byte
// shuffles moves the set lanes of a 4-lane mask to the front of a vector, which is stored whole at
// the list's end (lifBatchEvents, lifRow).

// For each 4-bit spike mask, the byte shuffle that moves the 32-bit lanes whose bit is set to the
// front, in order: 16 masks × 16 bytes, filled on first use.
const COMPRESS = memory.data(256, 16);
let compressReady = false;

export function compressTable(): usize {
  if (compressReady) return COMPRESS;
  for (let bits: i32 = 0; bits < 16; bits++) {
    let at = COMPRESS + (<usize>bits << 4);
    for (let lane: i32 = 0; lane < 4; lane++) {
      if (((bits >> lane) & 1) == 0) continue;
      for (let k: i32 = 0; k < 4; k++) store<u8>(at + <usize>k, <u8>(lane * 4 + k));
      at += 4;
    }
  }
  compressReady = true;
  return COMPRESS;
}
