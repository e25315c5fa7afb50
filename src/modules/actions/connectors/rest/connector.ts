import type { ActionKind, ActionResult, Compensation, RestConfig, RestEndpoint } from "../../contract/index.ts";
import { PermanentActionError } from "../../errors.ts";
import type { ConnectorAdapter, PreparedWrite, RegisteredCompensation, WriteCall } from "../connector.ts";
import { createHttpAuthorizer, sendAuthorized } from "./http-auth.ts";
import type { TokenCache } from "./oauth2.ts";
import { renderBody, renderPath, type TemplateScope } from "./template.ts";
import { failureOf, type HttpRequest, responsePreview } from "./transport.ts";

const joinUrl = (base: string, path: string) => `${base.replace(/\/+$/, "")}${path}`;

/** Stands for the id the target will assign, in previews. */
const EXTERNAL_ID = "{external_id}";

function dig(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function externalIdOf(json: unknown, path: string | undefined): string | null {
  if (!path) return null;
  const value = dig(json, path);
  return typeof value === "string" || typeof value === "number" ? String(value) : null;
}

/** A generic REST write connector: one endpoint template per action kind, its auth, and its compensations. */
export function createRestConnector(
  connector: { id: string; config: RestConfig },
  deps: { tokens: TokenCache },
): ConnectorAdapter {
  const { config } = connector;
  const actionKinds = Object.keys(config.endpoints) as ActionKind[];
  const authorizer = createHttpAuthorizer(config.auth, {
    connectorId: connector.id,
    tokens: deps.tokens,
    timeoutMs: config.timeout_ms,
  });

  function httpRequest(method: string, url: string, body: unknown, idempotencyKey: string): HttpRequest {
    const hasBody = body !== undefined && method !== "GET";
    return {
      method,
      url,
      headers: {
        ...config.headers,
        accept: "application/json",
        ...(hasBody ? { "content-type": "application/json" } : {}),
        "idempotency-key": idempotencyKey,
      },
      body: hasBody ? JSON.stringify(body) : undefined,
      timeoutMs: config.timeout_ms,
    };
  }

  function renderCompensation(endpoint: RestEndpoint, kind: ActionKind, scope: TemplateScope): RegisteredCompensation | null {
    const compensation = endpoint.compensation;
    if (!compensation) return null;
    const where = `config.endpoints.${kind}.compensation`;
    const url = joinUrl(config.base_url, renderPath(compensation.path, scope, `${where}.path`));
    const body =
      compensation.body === "none"
        ? undefined
        : compensation.body === "payload"
          ? scope.payload
          : renderBody(compensation.body, scope, `${where}.body`);
    return {
      kind: compensation.kind,
      description: `${compensation.method} ${url}`,
      request: { method: compensation.method, url, ...(body !== undefined ? { body } : {}) },
    };
  }

  return {
    kind: "rest",
    actionKinds,
    prepare(call: WriteCall): PreparedWrite {
      const endpoint = config.endpoints[call.kind];
      if (!endpoint) {
        throw new PermanentActionError(
          "connector_unsupported",
          `This connector has no endpoint for ${call.kind}; add one to its config`,
          {
            details: [{ path: "kind", message: `no endpoint for ${call.kind}` }],
          },
        );
      }
      const where = `config.endpoints.${call.kind}`;
      const scope: TemplateScope = {
        payload: call.payload,
        action: { id: call.actionId, kind: call.kind, idempotency_key: call.idempotencyKey },
      };
      const url = joinUrl(config.base_url, renderPath(endpoint.path, scope, `${where}.path`));
      const body =
        endpoint.body === "none"
          ? undefined
          : endpoint.body === "payload"
            ? call.payload
            : renderBody(endpoint.body, scope, `${where}.body`);
      const request = httpRequest(endpoint.method, url, body, call.idempotencyKey);
      const notes: string[] = [];
      let compensationPreview: PreparedWrite["compensationPreview"] = null;
      try {
        const preview = renderCompensation(endpoint, call.kind, { ...scope, result: { external_id: EXTERNAL_ID } });
        if (preview) {
          compensationPreview = {
            kind: preview.kind,
            ...preview.request,
            url: preview.request.url?.replaceAll(encodeURIComponent(EXTERNAL_ID), EXTERNAL_ID),
          };
          notes.push(`${EXTERNAL_ID} stands for the id ${config.base_url} gives the write`);
        }
      } catch (error) {
        notes.push(`the compensation cannot be shown before the write: ${(error as Error).message}`);
      }
      return {
        preview: { method: endpoint.method, url, ...(request.body !== undefined ? { body } : {}) },
        notes,
        compensationPreview,
        timeoutMs: config.timeout_ms * authorizer.requestsPerAttempt,
        async send(): Promise<ActionResult> {
          const answer = await sendAuthorized(request, authorizer);
          const failure = failureOf(request, answer, endpoint.success_statuses);
          if (failure) throw failure;
          return {
            external_id: externalIdOf(answer.json, endpoint.external_id_path),
            status: answer.status,
            summary: `${answer.status} from ${endpoint.method} ${url}`,
            response: responsePreview(answer),
          };
        },
        compensationFor(result: ActionResult) {
          try {
            return renderCompensation(endpoint, call.kind, {
              ...scope,
              result: { external_id: result.external_id, response: result.response },
            });
          } catch {
            // The write is made; what undoes it needs something the answer did not give (its id).
            return null;
          }
        },
      };
    },
    async compensate(compensation: Compensation, call): Promise<ActionResult> {
      const { method = "POST", url } = compensation.request;
      if (!url) throw new PermanentActionError("not_compensable", "The registered compensation has no URL");
      const request = httpRequest(method, url, compensation.request.body, call.idempotencyKey);
      const answer = await sendAuthorized(request, authorizer);
      const failure = failureOf(request, answer);
      if (failure) throw failure;
      return {
        external_id: null,
        status: answer.status,
        summary: `${answer.status} from ${method} ${url}`,
        response: responsePreview(answer),
      };
    },
  };
}
