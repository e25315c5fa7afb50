import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../api/client.ts";
import { PeoplePage, type Person } from "../contract.ts";
import { type People, personQuery } from "./people.ts";

/** How many people a search shows: enough to choose from, few enough to read. */
const SEARCH_LIMIT = 50;
/** Typing pauses this long before the server is asked. */
const DEBOUNCE_MS = 250;

export type PersonSearch = {
  /** What was searched for (trimmed), once typing paused; empty for none. */
  query: string;
  /** The people to choose from: the search's matches, or else the directory as loaded. */
  results: Person[];
  /** More people match (or, without a search, exist) than `results` holds. */
  more: boolean;
  searching: boolean;
  error: unknown;
};

/** What a search found, in words, for the line under the search box (read out as it changes). */
export function searchStatus(search: PersonSearch, firstPage: number): string {
  if (search.error) return "The search failed; try again.";
  if (search.searching) return "Searching…";
  if (search.query === "")
    return search.more ? `The first ${firstPage} people by name: type a name or email to find anyone else.` : "";
  if (search.results.length === 0) return `Nobody matches “${search.query}”.`;
  if (search.more) return `The first ${search.results.length} matching “${search.query}”: type more to narrow it down.`;
  return search.results.length === 1
    ? `1 person matches “${search.query}”.`
    : `${search.results.length} match “${search.query}”.`;
}

function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * People matching `text` (the start of a word of their name, or of their email): from the server
 * when the directory is cut off, so that anyone can be found; otherwise the directory as loaded.
 */
export function usePersonSearch(people: People, text: string): PersonSearch {
  const queryClient = useQueryClient();
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const search = useQuery({
    queryKey: ["people", "search", query],
    queryFn: async ({ signal }) => {
      const page = await api("GET", "/api/v1/people", { query: { q: query, limit: SEARCH_LIMIT }, schema: PeoplePage, signal });
      // Whoever is found can be named later without asking again.
      for (const person of page.data) queryClient.setQueryData(personQuery(person.id).queryKey, person);
      return page;
    },
    enabled: !people.complete && query !== "",
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  if (people.complete || query === "") {
    return { query: "", results: people.active ?? [], more: !people.complete, searching: false, error: null };
  }
  return {
    query,
    results: search.data?.data ?? [],
    more: Boolean(search.data?.next_cursor),
    searching: search.isFetching || text.trim() !== query,
    error: search.error,
  };
}
