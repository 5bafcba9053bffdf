import { useStore } from '../store/index.ts';

/** The refused-edit message for exactly this JSON path, if any (shown beside the field). */
export function useFieldError(path: string): string | undefined {
  return useStore((s) => (s.editError?.path === path ? s.editError.message : undefined));
}
