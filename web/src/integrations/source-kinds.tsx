import type { ReactElement } from "react";
import type { Source, SourceWithSecret } from "../contract.ts";
import { CopyButton } from "../ui/copy-button.tsx";
import { EdiConnection } from "./edi-connection.tsx";
import { NewEdiPartnerForm } from "./edi-partner-form.tsx";
import { FileDropConnection } from "./file-drop-connection.tsx";
import { NewFileDropForm } from "./new-file-drop-form.tsx";
import { NewPullConnectorForm } from "./new-pull-connector-form.tsx";
import { NewWebhookSourceForm } from "./new-webhook-source-form.tsx";
import { PullConnection } from "./pull-connection.tsx";
import { InboundSigningRecipe } from "./signing-recipe.tsx";
import { webhookUrl } from "./webhook-url.ts";

/**
 * What the console knows of each kind of source: its name, how its system sends, where it sends
 * to, how to connect one, and the form that adds one. A kind without an entry would still be listed,
 * with its health and receipts, under a plain view of the kind.
 */
export type SourceKindView = {
  label: string;
  /** One line: how a system of this kind gets its data to Crossdock. */
  how: string;
  /** Whether its system signs with a secret that can be replaced. */
  hasSecret: boolean;
  /** Whether the source's page pauses and resumes it; a pull connector is paused whole, in its connection panel. */
  pausable: boolean;
  /**
   * Whether its mapping is edited on its page. A pull resource's mapping is its connector's, and a
   * trading partner's sets are mapped per set: both are changed through the API.
   */
  mappingEditable: boolean;
  /** Where the system sends to, for the list. */
  Endpoint: (props: { source: Source }) => ReactElement | null;
  /** How to connect the system, on the source's page and after it is added. */
  Connection: (props: { source: Source }) => ReactElement;
  /** The form that adds one, for kinds the console can add; a kind that signs gives its secret this once. */
  NewForm?: (props: { onCreated: (source: Source | SourceWithSecret) => void }) => ReactElement;
};

function WebhookEndpoint({ source }: { source: Source }) {
  if (!source.webhook_path) return null;
  const url = webhookUrl(source.webhook_path);
  return (
    <span className="endpoint">
      <code className="endpoint__url" data-testid="webhook-url">
        {url}
      </code>{" "}
      <CopyButton text={url} what={`URL of ${source.name}`} />
    </span>
  );
}

function WebhookConnection({ source }: { source: Source }) {
  if (!source.webhook_path) return <p className="muted">This source has no webhook address.</p>;
  const url = webhookUrl(source.webhook_path);
  return (
    <>
      <p className="field__label">Webhook URL</p>
      <div className="secret">
        <code data-testid="webhook-url">{url}</code>
        <CopyButton text={url} label="Copy URL" />
      </div>
      <InboundSigningRecipe url={url} />
    </>
  );
}

const KINDS: { readonly [K in Source["kind"]]?: SourceKindView } = {
  webhook: {
    label: "Webhook",
    how: "The system POSTs signed JSON to an address Crossdock gives it, as events happen.",
    hasSecret: true,
    pausable: true,
    mappingEditable: true,
    Endpoint: WebhookEndpoint,
    Connection: WebhookConnection,
    NewForm: NewWebhookSourceForm,
  },
  file_drop: {
    label: "File drop",
    how: "The system drops CSV, Excel or JSON Lines files in a folder (or on SFTP); each row is a payload.",
    hasSecret: false,
    pausable: true,
    mappingEditable: true,
    Endpoint: () => <span className="muted">files dropped in a folder</span>,
    Connection: FileDropConnection,
    NewForm: NewFileDropForm,
  },
  pull: {
    label: "Pull connector",
    how: "Crossdock reads a REST API or a SQL database on a schedule, from where it stopped; each item is a payload.",
    hasSecret: false,
    pausable: false,
    mappingEditable: false,
    Endpoint: () => <span className="muted">read on a schedule</span>,
    Connection: PullConnection,
    NewForm: NewPullConnectorForm,
  },
  edi: {
    label: "EDI trading partner",
    how: "The partner sends X12 interchanges (850, 860, 855, 856, 810, 997) through the API or a folder; each is answered with a 997.",
    hasSecret: false,
    pausable: true,
    mappingEditable: false,
    Endpoint: () => <span className="muted">X12 through the API or a folder</span>,
    Connection: EdiConnection,
    NewForm: NewEdiPartnerForm,
  },
};

const NoEndpoint = () => null;
const ConnectedThroughTheApi = () => <p className="muted">How this kind of source connects is set up through the API.</p>;

/** The view of a source's kind; a kind the console has no view for yet is shown plainly, by its name. */
export function kindView(kind: Source["kind"]): SourceKindView {
  return (
    KINDS[kind] ?? {
      label: kind.replaceAll("_", " "),
      how: "",
      hasSecret: false,
      pausable: true,
      mappingEditable: false,
      Endpoint: NoEndpoint,
      Connection: ConnectedThroughTheApi,
    }
  );
}

/** The kinds the console can add, in the order it offers them. */
export const CREATABLE_KINDS = (Object.keys(KINDS) as Source["kind"][]).filter((kind) => KINDS[kind]?.NewForm);
