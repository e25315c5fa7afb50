import { type Ref, useImperativeHandle, useRef } from "react";

export type CodeEditorHandle = {
  /** Focuses the editor and selects line `line` (1-based) from `column`, scrolled into view. */
  goTo(line: number, column?: number | null): void;
};

/** Must match `.policies-editor` line-height in app.css: the gutter and the caret scroll by it. */
const LINE_HEIGHT_PX = 19;

/**
 * A monospace text editor with line numbers, for Cedar policies and their JSON data: no wrapping,
 * so each numbered line is one line of the text; lines with a problem are marked in the gutter.
 */
export function CodeEditor({
  id,
  label,
  value,
  onChange,
  readOnly = false,
  problemLines = [],
  rows = 24,
  ref,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  readOnly?: boolean;
  problemLines?: readonly number[];
  rows?: number;
  ref?: Ref<CodeEditorHandle>;
}) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const lineCount = value.split("\n").length;
  const problems = new Set(problemLines);
  useImperativeHandle(ref, () => ({
    goTo(line, column) {
      const element = textarea.current;
      if (!element) return;
      const lines = element.value.split("\n");
      const target = Math.min(Math.max(line, 1), lines.length);
      const lineStart = lines.slice(0, target - 1).reduce((sum, text) => sum + text.length + 1, 0);
      const lineEnd = lineStart + (lines[target - 1]?.length ?? 0);
      const from = Math.min(lineStart + Math.max((column ?? 1) - 1, 0), lineEnd);
      element.focus();
      element.setSelectionRange(from === lineEnd ? lineStart : from, lineEnd);
      element.scrollTop = Math.max(0, (target - 1) * LINE_HEIGHT_PX - element.clientHeight / 3);
    },
  }));
  return (
    <div className="policies-editor" data-testid={`${id}-editor`}>
      <div className="policies-editor__gutter" ref={gutter} aria-hidden="true">
        {Array.from({ length: lineCount }, (_, index) => {
          const line = index + 1;
          return (
            <div
              key={line}
              className={
                problems.has(line) ? "policies-editor__number policies-editor__number--problem" : "policies-editor__number"
              }
            >
              {line}
            </div>
          );
        })}
      </div>
      <textarea
        id={id}
        ref={textarea}
        className="policies-editor__text"
        aria-label={label}
        value={value}
        rows={rows}
        wrap="off"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        readOnly={readOnly}
        onChange={(event) => onChange(event.target.value)}
        onScroll={(event) => {
          if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
        }}
      />
    </div>
  );
}
