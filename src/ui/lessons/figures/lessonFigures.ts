import type { ComponentType } from 'react';
import { SurrogateFigure } from './SurrogateFigure.tsx';

/** The figures a step can show, by their name in LESSON_FIGURES (core/teach/lessonControls.ts). */
export const LESSON_FIGURE_COMPONENTS: Readonly<Record<string, ComponentType>> = {
  surrogate: SurrogateFigure,
};
