import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Source } from "../contract.ts";
import { fieldErrors } from "../settings-workflows/field-errors.tsx";
import { authPaths, HttpAuthFields } from "../settings-workflows/http-auth-fields.tsx";
import { TextField } from "../settings-workflows/text-field.tsx";
import { EMPTY_PULL_CONNECTOR, type PullConnectorDraft, pullConnectorInput } from "./pull-connector-draft.ts";
import { createPullConnector } from "./pull-connector-queries.ts";
import { RestResourceFields, resourcePath, SqlResourceFields } from "./pull-resource-fields.tsx";
import { SourceForm } from "./source-form.tsx";
import { SourceIdentityFields } from "./source-identity-fields.tsx";
import { SqlConnectionFields } from "./sql-connection-fields.tsx";
import { useMappingDraft } from "./use-mapping-draft.ts";

const RESOURCE_FIELDS = [
  "path",
  "query",
  "items_path",
  "paging",
  "paging.next_cursor_path",
  "paging.next_url_path",
  "paging.first_page",
  "incremental",
  "incremental.start",
  "page_size",
  "cursor_columns",
];

/** The API paths this form shows a field for; a problem elsewhere goes in the banner. */
const pathsOf = (draft: PullConnectorDraft) => [
  "name",
  "system",
  "source_system",
  "interval_seconds",
  "resources",
  "connection.base_url",
  ...authPaths("connection.auth"),
  "connection.dialect",
  "connection.host",
  "connection.port",
  "connection.database",
  "connection.user",
  "connection.password",
  "connection.tls",
  ...RESOURCE_FIELDS.map((field) => resourcePath(draft, field)),
];

/**
 * A pull connector: a REST API or a SQL database Crossdock reads on a schedule, with one resource
 * (more are added through the API) and how its items become records. It runs once when added, then
 * every interval, resuming where it stopped.
 */
export function NewPullConnectorForm({ onCreated }: { onCreated: (source: Source) => void }) {
  const queryClient = useQueryClient();
  const mapping = useMappingDraft();
  const [draft, setDraft] = useState<PullConnectorDraft>(EMPTY_PULL_CONNECTOR);
  const set =
    <K extends keyof PullConnectorDraft>(key: K) =>
    (value: PullConnectorDraft[K]) =>
      setDraft((old) => ({ ...old, [key]: value }));
  const create = useMutation({
    mutationFn: (spec: Record<string, unknown>) => createPullConnector(pullConnectorInput(draft, spec)),
    onSuccess: async (source) => {
      await queryClient.invalidateQueries({ queryKey: ["ingest"] });
      onCreated(source);
    },
  });
  const errors = fieldErrors(create.error, pathsOf(draft));
  return (
    <SourceForm mapping={mapping} create={create} errors={errors} testId="new-pull-connector-form" addLabel="Add connector">
      <div className="source-form__fields">
        <SourceIdentityFields
          value={draft}
          onChange={(identity) => setDraft((old) => ({ ...old, ...identity }))}
          errors={errors}
          what="connector"
          placeholder="shop-api"
        />
        <TextField
          label="Read every (minutes)"
          path="interval_seconds"
          errors={errors}
          inputMode="decimal"
          hint="It reads once when added, then this often, each run from where the last one stopped."
          value={draft.everyMinutes}
          onValue={set("everyMinutes")}
        />
      </div>
      <fieldset className="source-form__fields">
        <legend className="field__label">Reads from</legend>
        <div className="mapping-editor__modes">
          <label className="checkbox">
            <input type="radio" name="pull-kind" checked={draft.kind === "rest"} onChange={() => set("kind")("rest")} />
            <span>A REST API (JSON)</span>
          </label>
          <label className="checkbox">
            <input type="radio" name="pull-kind" checked={draft.kind === "sql"} onChange={() => set("kind")("sql")} />
            <span>A SQL database</span>
          </label>
        </div>
        {draft.kind === "rest" ? (
          <>
            <TextField
              label="Base URL"
              path="connection.base_url"
              errors={errors}
              required
              type="url"
              autoComplete="off"
              placeholder="https://erp.example.com/api/v2"
              value={draft.baseUrl}
              onValue={set("baseUrl")}
            />
            <HttpAuthFields auth={draft.auth} prefix="connection.auth" errors={errors} onChange={set("auth")} />
          </>
        ) : (
          <SqlConnectionFields draft={draft} errors={errors} set={set} />
        )}
      </fieldset>
      <fieldset className="source-form__fields">
        <legend className="field__label">What it reads</legend>
        <TextField
          label="Resource name"
          path="resources"
          errors={errors}
          required
          autoComplete="off"
          hint="Lower-case letters, digits and dashes. With the connector's, it names the resource's source (shop-api-orders)."
          value={draft.resource}
          onValue={set("resource")}
        />
        {draft.kind === "rest" ? (
          <RestResourceFields draft={draft} errors={errors} set={set} />
        ) : (
          <SqlResourceFields draft={draft} errors={errors} set={set} />
        )}
        <TextField
          label="Page size"
          path={resourcePath(draft, "page_size")}
          errors={errors}
          inputMode="numeric"
          value={draft.pageSize}
          onValue={set("pageSize")}
        />
      </fieldset>
    </SourceForm>
  );
}
