// Lists of the lanes that spiked, without a branch per lane: i8x16.swizzle with one of 16 byte
// shuffles moves the set lanes of a 4-lane mask to the front of a vector, which is stored whole at
// the list's end (lifBatchEvents, lifRow). The store writes all four lanes: the caller's list must
// have room for 3 entries past its count, which the next store overwrites.

/**
 * For each 4-bit spike mask (bit k = lane k), the byte shuffle that moves the 32-bit lanes whose
 * bit is set to the front, in lane order: 16 masks × 16 bytes, in the module's static data.
 */
export const COMPRESS: usize = memory.data<u8>(
  [
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // lanes -
    0, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // lanes 0
    4, 5, 6, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // lanes 1
    0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0, 0, 0, 0, 0, // lanes 01
    8, 9, 10, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // lanes 2
    0, 1, 2, 3, 8, 9, 10, 11, 0, 0, 0, 0, 0, 0, 0, 0, // lanes 02
    4, 5, 6, 7, 8, 9, 10, 11, 0, 0, 0, 0, 0, 0, 0, 0, // lanes 12
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 0, 0, 0, // lanes 012
    12, 13, 14, 15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // lanes 3
    0, 1, 2, 3, 12, 13, 14, 15, 0, 0, 0, 0, 0, 0, 0, 0, // lanes 03
    4, 5, 6, 7, 12, 13, 14, 15, 0, 0, 0, 0, 0, 0, 0, 0, // lanes 13
    0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, 0, 0, 0, 0, // lanes 013
    8, 9, 10, 11, 12, 13, 14, 15, 0, 0, 0, 0, 0, 0, 0, 0, // lanes 23
    0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 0, 0, 0, 0, // lanes 023
    4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 0, 0, 0, // lanes 123
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, // lanes 0123
  ],
    16,
);
