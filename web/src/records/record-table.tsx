import { Link, useNavigate } from "@tanstack/react-router";
import type { FieldMeta, RecordType } from "../contract.ts";
import { TimeAgo } from "../ui/time-ago.tsx";
import { FieldValue } from "./field-value.tsx";
import { fieldLabel } from "./labels.ts";
import type { RecordRow } from "./record-queries.ts";

type SortState = { field: string; descending: boolean } | undefined;

export function parseSort(sort: string | undefined): SortState {
  if (!sort) return undefined;
  return sort.startsWith("-") ? { field: sort.slice(1), descending: true } : { field: sort, descending: false };
}

/** A page of records: the type's chosen columns, sortable where the API can sort, each row a link. */
export function RecordTable({
  type,
  columns,
  rows,
  sort,
  onSort,
}: {
  type: RecordType;
  columns: readonly string[];
  rows: readonly RecordRow[];
  sort: string | undefined;
  onSort: (sort: string | undefined) => void;
}) {
  const navigate = useNavigate();
  const current = parseSort(sort);
  const fields = type.fields as Record<string, FieldMeta>;
  return (
    <div className="table-wrap">
      <table className="table table--records" data-testid="record-table">
        <thead>
          <tr>
            {[...columns, "updated_at"].map((column) => {
              const sortable = type.sortable.includes(column);
              const direction = current?.field === column ? (current.descending ? "descending" : "ascending") : undefined;
              return (
                <th key={column} scope="col" aria-sort={direction ?? (sortable ? "none" : undefined)}>
                  {sortable ? (
                    <button
                      type="button"
                      className="th-sort"
                      onClick={() => {
                        if (current?.field !== column) onSort(column);
                        else if (!current.descending) onSort(`-${column}`);
                        else onSort(undefined);
                      }}
                    >
                      {column === "updated_at" ? "Updated" : fieldLabel(column)}
                      <span className="th-sort__arrow" aria-hidden="true">
                        {direction === "ascending" ? "▲" : direction === "descending" ? "▼" : "↕"}
                      </span>
                    </button>
                  ) : (
                    fieldLabel(column)
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              className="table__row--link"
              onClick={(event) => {
                if ((event.target as HTMLElement).closest("a, button")) return;
                void navigate({ to: "/records/$type/$id", params: { type: type.path, id: row.id } });
              }}
            >
              {columns.map((column, index) => {
                const field = fields[column];
                const value = field ? <FieldValue field={field} value={row[column]} row={row} /> : String(row[column] ?? "");
                return (
                  <td key={column} className={field && ["integer", "decimal", "money"].includes(field.kind) ? "num" : undefined}>
                    {index === 0 ? (
                      <Link to="/records/$type/$id" params={{ type: type.path, id: row.id }} className="table__primary-link">
                        {row[column] === null || row[column] === undefined ? row.id : String(row[column])}
                      </Link>
                    ) : (
                      value
                    )}
                  </td>
                );
              })}
              <td>
                <TimeAgo value={row.updated_at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
