import type { ReactNode } from "react";

/** One fact of a `<dl className="kv-grid">`: its label over its value. */
export function KvItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kv-grid__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
