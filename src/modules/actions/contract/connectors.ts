import { z } from "zod";
import { ActionKind } from "./action-kinds.ts";
import { ConnectorName } from "./action-request.ts";

/**
 * A secret as the API shows it: never the value, only "••••" and its last four characters. On
 * update, sending the masked value back (or leaving the field out of an auth of the same type)
 * keeps the stored secret.
 */
export const MASK = "••••";
const secret = z.string().min(1).max(4000);

const httpUrl = z
  .string()
  .max(2000)
  .url()
  .regex(/^https?:\/\//i, "an http:// or https:// address");

/** How an OAuth 2.0 client proves who it is to the token endpoint (RFC 6749 §2.3.1). */
export const OAuth2ClientAuthMethod = z.enum(["client_secret_basic", "client_secret_post"]);
export type OAuth2ClientAuthMethod = z.infer<typeof OAuth2ClientAuthMethod>;

export const HttpAuth = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }).strict(),
  z.object({ type: z.literal("bearer"), token: secret }).strict(),
  z.object({ type: z.literal("basic"), username: z.string().min(1).max(200), password: secret }).strict(),
  z
    .object({
      type: z.literal("header"),
      name: z.string().regex(/^[A-Za-z0-9-]{1,100}$/, "an HTTP header name"),
      value: secret,
    })
    .strict(),
  /**
   * OAuth 2.0 client credentials (RFC 6749 §4.4): an access token is fetched from `token_url`,
   * kept until shortly before it expires, and sent as a bearer token. `client_secret` is the secret.
   */
  z
    .object({
      type: z.literal("oauth2_client_credentials"),
      token_url: httpUrl,
      client_id: z.string().min(1).max(500),
      client_secret: secret,
      /** Space-separated scopes, e.g. "https://api.businesscentral.dynamics.com/.default". */
      scope: z.string().min(1).max(2000).optional(),
      /** The API the token is for, for token endpoints that ask for one (Auth0, Okta…). */
      audience: z.string().min(1).max(2000).optional(),
      /** client_secret_basic: the id and secret in an Authorization: Basic header; client_secret_post: in the form body. */
      auth_method: OAuth2ClientAuthMethod.default("client_secret_basic"),
    })
    .strict(),
]);
export type HttpAuth = z.infer<typeof HttpAuth>;

export const HttpMethod = z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]);

/**
 * A body template: "payload" sends the request's payload as it is; "none" sends no body; any other
 * JSON is sent with each string holding `{{payload.x}}` (or `{{action.idempotency_key}}`, and in a
 * compensation `{{result.external_id}}`) filled in. A string that is only one placeholder takes the
 * value's own type (a number stays a number).
 */
export const BodyTemplate = z.union([z.literal("payload"), z.literal("none"), z.record(z.string(), z.unknown())]);
export type BodyTemplate = z.infer<typeof BodyTemplate>;

const pathTemplate = z.string().min(1).max(2000).regex(/^\//, "starts with /: it is appended to base_url");

export const RestCompensation = z
  .object({
    kind: ActionKind,
    method: HttpMethod,
    /** May use {external_id}: the id the target system gave the write being undone. */
    path: pathTemplate,
    body: BodyTemplate.default("none"),
    success_statuses: z.array(z.number().int().min(100).max(599)).min(1).optional(),
  })
  .strict();
export type RestCompensation = z.infer<typeof RestCompensation>;

export const RestEndpoint = z
  .object({
    method: HttpMethod,
    /** Appended to base_url; `{order_number}` is filled from the payload (URL-encoded). */
    path: pathTemplate,
    body: BodyTemplate.default("payload"),
    /** The statuses that mean "written"; any 2xx when left out. */
    success_statuses: z.array(z.number().int().min(100).max(599)).min(1).optional(),
    /** Where the response JSON names the created thing's id, as a dot path: "data.id". */
    external_id_path: z
      .string()
      .regex(/^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/, "a dot path such as data.id")
      .optional(),
    /** The write that undoes this one. */
    compensation: RestCompensation.optional(),
  })
  .strict();
export type RestEndpoint = z.infer<typeof RestEndpoint>;

export const RestConfig = z
  .object({
    base_url: httpUrl,
    auth: HttpAuth.default({ type: "none" }),
    timeout_ms: z.number().int().min(100).max(120_000).default(10_000),
    /** Extra headers sent with every request (not secrets: use auth for those). */
    headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,100}$/), z.string().max(1000)).default({}),
    endpoints: z.partialRecord(ActionKind, RestEndpoint),
  })
  .strict();
export type RestConfig = z.infer<typeof RestConfig>;

const X12Id = z
  .object({
    /** ISA05/07: 01 DUNS, 12 phone, 14 DUNS+4, ZZ mutually defined… */
    qualifier: z.string().regex(/^[A-Z0-9]{2}$/, "two letters or digits, e.g. ZZ"),
    id: z.string().regex(/^[A-Za-z0-9 .-]{1,15}$/, "1–15 letters, digits, spaces, . or -"),
  })
  .strict();

const separator = z.string().regex(/^[^A-Za-z0-9\s]$/, "one character that is neither a letter, a digit nor a space");

export const EdiDelivery = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("folder"),
      /** A folder under the tenant's EDI outbox (CROSSDOCK_EDI_OUTBOX_DIR/<tenant>/), e.g. "acme/outbound". */
      path: z
        .string()
        .max(500)
        .regex(/^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9_./-]*$/, "a relative folder inside the outbox, without . or .. parts"),
    })
    .strict(),
  z
    .object({
      type: z.literal("http"),
      url: httpUrl,
      auth: HttpAuth.default({ type: "none" }),
      timeout_ms: z.number().int().min(100).max(120_000).default(10_000),
    })
    .strict(),
]);
export type EdiDelivery = z.infer<typeof EdiDelivery>;

export const EdiConfig = z
  .object({
    sender: X12Id,
    receiver: X12Id,
    /** GS02/GS03 when they differ from the interchange ids. */
    application_sender: z.string().min(2).max(15).optional(),
    application_receiver: z.string().min(2).max(15).optional(),
    element_separator: separator.default("*"),
    segment_terminator: separator.default("~"),
    component_separator: separator.default(">"),
    /** ISA15: production or test. */
    usage: z.enum(["P", "T"]).default("P"),
    /** A newline after each segment terminator, which some partners want. */
    newline_after_segment: z.boolean().default(false),
    delivery: EdiDelivery,
  })
  .strict()
  .refine((config) => new Set([config.element_separator, config.segment_terminator, config.component_separator]).size === 3, {
    message: "the element, segment and component separators must differ",
    path: ["element_separator"],
  });
export type EdiConfig = z.infer<typeof EdiConfig>;

export const EmailConfig = z
  .object({
    /** The sender's display name when the payload names none. */
    from_name: z.string().min(1).max(100).optional(),
  })
  .strict();
export type EmailConfig = z.infer<typeof EmailConfig>;

export const ConnectorKind = z.enum(["rest", "edi", "email"]);
export type ConnectorKind = z.infer<typeof ConnectorKind>;

/** A connector as it is created or replaced. */
export const ConnectorInput = z.discriminatedUnion("kind", [
  z
    .object({ name: ConnectorName, kind: z.literal("rest"), description: z.string().max(500).optional(), config: RestConfig })
    .strict(),
  z
    .object({ name: ConnectorName, kind: z.literal("edi"), description: z.string().max(500).optional(), config: EdiConfig })
    .strict(),
  z
    .object({
      name: ConnectorName,
      kind: z.literal("email"),
      description: z.string().max(500).optional(),
      config: EmailConfig.default({}),
    })
    .strict(),
]);
export type ConnectorInput = z.input<typeof ConnectorInput>;

/** A connector as the API returns it: secrets masked. */
export const Connector = z.object({
  id: z.string(),
  name: z.string(),
  kind: ConnectorKind,
  description: z.string().nullable(),
  config: z.record(z.string(), z.unknown()),
  /** The action kinds it can carry. */
  action_kinds: z.array(ActionKind),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Connector = z.infer<typeof Connector>;
