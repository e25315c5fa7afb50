import type { FontName, Surface } from "./surface.ts";
import { fitText } from "./text-fit.ts";

export type Column = { title: string; x: number; width: number; align?: "left" | "right" | "center" };

export type TableStyle = {
  font: FontName;
  size: number;
  headerFont: FontName;
  headerSize: number;
  rowHeight: number;
  headerHeight: number;
  /** Fill and text colour of the header row. */
  headerFill?: string;
  headerColor?: string;
  /** Fill of every other row, as on green-bar paper. */
  zebra?: string;
  /** Cell borders on every row, or only rules under the header and the last row. */
  borders: "grid" | "rules" | "none";
  padding: number;
};

function anchor(column: Column, padding: number): number {
  if (column.align === "right") return column.x + column.width - padding;
  if (column.align === "center") return column.x + column.width / 2;
  return column.x + padding;
}

function tableWidth(columns: readonly Column[]): { left: number; right: number } {
  const first = columns[0] as Column;
  const last = columns[columns.length - 1] as Column;
  return { left: first.x, right: last.x + last.width };
}

/** Draws the header row at `y`; returns the y below it. */
export function drawTableHeader(surface: Surface, columns: readonly Column[], y: number, style: TableStyle): number {
  const { left, right } = tableWidth(columns);
  if (style.headerFill) surface.rect(left, y, right - left, style.headerHeight, { fill: style.headerFill });
  const textY = y + (style.headerHeight - style.headerSize) / 2;
  for (const column of columns) {
    surface.text(column.title, anchor(column, style.padding), textY, {
      font: style.headerFont,
      size: style.headerSize,
      align: column.align ?? "left",
      ...(style.headerColor ? { color: style.headerColor } : {}),
    });
  }
  if (style.borders === "grid") drawGridRow(surface, columns, y, style.headerHeight);
  if (style.borders === "rules") {
    surface.line(left, y, right, y, { width: 0.8 });
    surface.line(left, y + style.headerHeight, right, y + style.headerHeight, { width: 0.8 });
  }
  return y + style.headerHeight;
}

/** Draws one row of already formatted cells; returns the y below it. */
export function drawTableRow(
  surface: Surface,
  columns: readonly Column[],
  cells: readonly string[],
  y: number,
  rowIndex: number,
  style: TableStyle,
): number {
  const { left, right } = tableWidth(columns);
  if (style.zebra && rowIndex % 2 === 1) surface.rect(left, y, right - left, style.rowHeight, { fill: style.zebra });
  const textY = y + (style.rowHeight - style.size) / 2;
  columns.forEach((column, index) => {
    const value = cells[index] ?? "";
    if (value)
      surface.text(value, anchor(column, style.padding), textY, {
        font: style.font,
        size: style.size,
        align: column.align ?? "left",
      });
  });
  if (style.borders === "grid") drawGridRow(surface, columns, y, style.rowHeight);
  return y + style.rowHeight;
}

/** Cuts a cell's text to its column, so what the truth records is what fits on the page. */
export function fitCell(surface: Surface, column: Column, value: string, style: TableStyle): string {
  return fitText(surface, value, style.font, style.size, column.width - 2 * style.padding);
}

function drawGridRow(surface: Surface, columns: readonly Column[], y: number, height: number): void {
  const { left, right } = tableWidth(columns);
  surface.rect(left, y, right - left, height, { stroke: "#000000", lineWidth: 0.5 });
  for (const column of columns.slice(1)) surface.line(column.x, y, column.x, y + height);
}

/** Columns laid side by side from `left`, given their widths. */
export function columnsFrom<K extends string>(
  left: number,
  specs: readonly (Omit<Column, "x"> & { key: K })[],
): (Column & { key: K })[] {
  let x = left;
  return specs.map((spec) => {
    const column = { ...spec, x };
    x += spec.width;
    return column;
  });
}
