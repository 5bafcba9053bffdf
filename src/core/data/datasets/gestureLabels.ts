import { quoteInput } from '../../format/inputText.ts';
import { DataFormatError } from '../../errors.ts';
import type { EventRecord } from '../formats/eventsRecord.ts';

/** DVS128 Gesture class names by label number (Amir et al., CVPR 2017). */
export const DVS_GESTURE_CLASSES: Readonly<Record<number, string>> = {
  1: 'hand clap',
  2: 'right hand wave',
  3: 'left hand wave',
  4: 'right arm clockwise',
  5: 'right arm counter-clockwise',
  6: 'left arm clockwise',
  7: 'left arm counter-clockwise',
  8: 'arm roll',
  9: 'air drums',
  10: 'air guitar',
  11: 'other gestures',
};

/** One labelled time span of a gesture recording. */
export interface GestureSpan {
  readonly label: number;
  readonly startUs: number;
  readonly endUs: number;
}

/** Parses a DVS128 Gesture `*_labels.csv`: header `class,startTime_usec,endTime_usec`, one span per row. */
export function parseGestureLabels(text: string, file: string): GestureSpan[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines[0]?.replace(/\s/g, '') !== 'class,startTime_usec,endTime_usec') {
    throw new DataFormatError(file, 'header', 0, "expected 'class,startTime_usec,endTime_usec'");
  }
  let offset = (lines[0]?.length ?? 0) + 1;
  return lines.slice(1).map((line, i) => {
    const [c, s, e] = line.split(',').map((x) => Number(x.trim()));
    const at = offset;
    offset += line.length + 1;
    if (!Number.isInteger(c) || !(c !== undefined && DVS_GESTURE_CLASSES[c]) || !Number.isFinite(s) || !Number.isFinite(e) || (s ?? 0) >= (e ?? 0)) {
      throw new DataFormatError(file, `row ${i + 2}`, at, `'${quoteInput(line)}' is not class,start,end with class 1–11 and start < end`);
    }
    return { label: c as number, startUs: s as number, endUs: e as number };
  });
}

/** The events of each labelled span of a recording (the spans' clock is the recording's). */
export function cutGestures(e: EventRecord, spans: readonly GestureSpan[]): { label: number; events: EventRecord }[] {
  return spans.map((s) => {
    let a = 0;
    while (a < e.t.length && (e.t[a] as number) < s.startUs) a++;
    let b = a;
    while (b < e.t.length && (e.t[b] as number) < s.endUs) b++;
    return { label: s.label, events: { ...e, x: e.x.slice(a, b), y: e.y.slice(a, b), p: e.p.slice(a, b), t: e.t.slice(a, b) } };
  });
}
