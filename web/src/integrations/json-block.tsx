/**
 * Text in a block of its own — a payload, a JSON example — that keeps its lines, wraps long ones,
 * and (it scrolls, up to its maximum height) can be focused and scrolled from the keyboard.
 */
export function TextBlock({ label, text, testId }: { label: string; text: string; testId?: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="json-block text-block" aria-label={label} tabIndex={0} data-testid={testId}>
      <pre>{text}</pre>
    </section>
  );
}
