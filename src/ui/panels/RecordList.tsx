import { useEffect, useRef } from 'react';
import type { LoadedRecord } from '../../core/data/fileStore.ts';
import { useStore } from '../store/index.ts';
import { recordNotes } from './recordNotes.ts';

/** The first images of an IDX file as a strip of thumbnails. */
function Thumbnails({ preview }: { preview: NonNullable<LoadedRecord['preview']> }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const { count, height: h, width: w, pixels } = preview;
    c.width = count * w;
    c.height = h;
    const image = ctx.createImageData(c.width, h);
    for (let i = 0; i < count; i++)
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const v = pixels[i * h * w + y * w + x] ?? 0;
          const o = (y * c.width + i * w + x) * 4;
          image.data.set([v, v, v, 255], o);
        }
    ctx.putImageData(image, 0, 0);
  }, [preview]);
  return <canvas ref={canvas} className="thumbs" data-testid="image-thumbnails" />;
}

/** The files loaded so far: what each holds, its class or annotation counts, image previews. */
export function RecordList() {
  const files = useStore((s) => s.files);
  if (files.length === 0) return null;
  return (
    <ul className="records" aria-label="loaded files" data-testid="record-list">
      {files.map((f) => (
        <li key={f.checksum}>
          <b>{f.name.replace(/^.*[\\/]/, '')}</b> <span className="hint">{f.summary.format}</span>
          <div className="hint">
            {f.kind === 'events'
              ? `${f.summary.events} events, ${f.summary.width}×${f.summary.height}, ${(f.summary.duration_s * 1000).toFixed(0)} ms`
              : f.kind === 'images'
                ? `${f.summary.images ?? f.summary.samples} × ${f.summary.dims?.slice(1).join('×')}`
                : `${f.channels.length} ch, ${f.summary.sampling_hz ?? '?'} Hz, ${f.summary.duration_s.toFixed(1)} s`}
          </div>
          {recordNotes(f).map((n) => (
            <div key={n.text} className={n.warning ? 'hint record-warning' : 'hint'} data-testid={f.classCounts ? 'class-counts' : 'record-note'} role={n.warning ? 'status' : undefined}>
              {n.text}
            </div>
          ))}
          {f.preview ? <Thumbnails preview={f.preview} /> : null}
        </li>
      ))}
    </ul>
  );
}
