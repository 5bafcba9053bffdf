/**
 * The raw text of an error (the JavaScript engine's, e.g. "RangeError: Invalid array length"),
 * folded: the sentence above it is what the user reads; this is for a bug report.
 */
export function ErrorDetails({ detail }: { detail: string | null | undefined }) {
  if (!detail) return null;
  return (
    <details className="error-details" data-testid="error-details">
      <summary>technical details</summary>
      <code>{detail}</code>
    </details>
  );
}
