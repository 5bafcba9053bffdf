import { encodeStatic } from '../../encoders/index.ts';
import { encodedWidth } from '../../encoders/schema.ts';
import { createRng } from '../../rng.ts';
import { imageFromFile } from '../fileSources.ts';
import { imageFileSourceSchema } from '../sourceSchemas.ts';
import { HELD_STEP_MS } from '../stepLength.ts';
import type { DataSourceKind } from './types.ts';

/** One image of a dropped image file, held for `steps` steps through the encoder (one input per pixel). */
export const imageFileSource: DataSourceKind<'image-file'> = {
  kind: 'image-file',
  schema: imageFileSourceSchema,
  inputWidth: (ws) => encodedWidth(ws.encoder, ws.data.width * ws.data.height),
  stepMs: () => HELD_STEP_MS,
  prepare: (ws, files) => {
    const img = imageFromFile(ws.data, files);
    const enc = encodeStatic(img.pixels, ws.data.steps, ws.encoder, createRng(ws.seed, 'encoder'));
    return { source: { kind: 'image', ...img }, dtMs: HELD_STEP_MS, input: { ...enc, batch: 1 } };
  },
};
