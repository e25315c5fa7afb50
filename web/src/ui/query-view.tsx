import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorBanner } from "./error-banner.tsx";
import { Loading } from "./loading.tsx";

/** A query's data once it is there; until then that it is loading, or why it could not be. */
export function QueryView<T>({
  query,
  loading,
  failed,
  children,
}: {
  query: UseQueryResult<T>;
  /** "Loading its runs…" */
  loading: string;
  /** "Its runs could not be loaded" */
  failed: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading label={loading} />;
  if (query.error) return <ErrorBanner error={query.error} title={failed} />;
  return <>{children(query.data as T)}</>;
}
