/** AAMI EC57 heartbeat classes used for MIT-BIH evaluations. */
/** Sampling rate of the MIT-BIH records, which beats of a file are assumed to share until it is read. */
export const MITBIH_HZ = 360;

export const AAMI_CLASSES = ['N', 'S', 'V', 'F', 'Q'] as const;
export type AamiClass = (typeof AAMI_CLASSES)[number];

/**
 * MIT-BIH beat codes → AAMI class (de Chazal et al., IEEE TBME 51(7), 2004, Table I):
 * N = normal and bundle-branch-block beats, S = supraventricular ectopic, V = ventricular ectopic,
 * F = fusion, Q = paced and unclassifiable. Non-beat codes map to nothing.
 */
export const AAMI_OF_SYMBOL: Readonly<Record<string, AamiClass>> = {
  N: 'N', L: 'N', R: 'N', e: 'N', j: 'N',
  A: 'S', a: 'S', J: 'S', S: 'S',
  V: 'V', E: 'V',
  F: 'F',
  '/': 'Q', f: 'Q', Q: 'Q',
};

/**
 * The standard inter-patient split (de Chazal 2004): DS1 for training, DS2 for testing; the four
 * paced records (102, 104, 107, 217) are in neither.
 */
export const DS1_RECORDS = ['101', '106', '108', '109', '112', '114', '115', '116', '118', '119', '122', '124', '201', '203', '205', '207', '208', '209', '215', '220', '223', '230'] as const;
export const DS2_RECORDS = ['100', '103', '105', '111', '113', '117', '121', '123', '200', '202', '210', '212', '213', '214', '219', '221', '222', '228', '231', '232', '233', '234'] as const;
export const PACED_RECORDS = ['102', '104', '107', '217'] as const;
