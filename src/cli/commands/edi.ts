import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { z } from "zod";
import type {
  GeneratedDocument,
  InterchangeAccepted,
  OutboundDocument,
  ReceivedInterchange,
  TradingPartner,
} from "../../modules/ingest/index.ts";
import { print } from "../output.ts";
import { type GlobalOptions, withClient } from "../run-command.ts";

const ReceiveFlags = z.object({
  tenant: z.string().min(1),
  partner: z.string().min(1).optional(),
  wait: z.boolean().default(true),
  json: z.boolean().default(false),
});

const SendFlags = z.object({
  tenant: z.string().min(1),
  partner: z.string().min(1),
  set: z.enum(["855", "856", "810"], { message: "--set must be 855, 856 or 810" }),
  record: z.string().min(1),
  out: z.string().min(1).optional(),
  json: z.boolean().default(false),
});

function fail(lines: string[]): void {
  process.stderr.write(`${lines.join("\n")}\n`);
  process.exitCode = 1;
}

const describeDocument = (document: OutboundDocument) =>
  `${document.transaction_set} ${document.control_number} (${document.id}): ${document.delivery.status}${document.delivery.to ? ` to ${document.delivery.to}` : ""}${document.delivery.error ? `, ${document.delivery.error}` : ""}`;

function describeInterchange(interchange: ReceivedInterchange, acknowledgments: OutboundDocument[]): string {
  const lines = [`${interchange.status}: ${interchange.sets.length} transaction set${interchange.sets.length === 1 ? "" : "s"}`];
  for (const set of interchange.sets) {
    const records = set.records.map((record) => `${record.type} ${record.id} (${record.external_id})`).join(", ");
    lines.push(`  ${set.set} ${set.control_number}  ${set.status}${records ? `  ${records}` : ""}`);
    for (const problem of set.problems) lines.push(`    ${problem.path}: ${problem.message}`);
  }
  for (const document of acknowledgments) {
    lines.push(
      `997 ${document.control_number} (${document.answers?.status ?? "?"}): ${describeDocument(document).split(": ").slice(1).join(": ")}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export function ediCommand(program: Command, globals: () => GlobalOptions) {
  const edi = program.command("edi").description("EDI X12 with trading partners: receive interchanges, write 855/856/810");
  edi
    .command("receive")
    .description("Receive an X12 interchange from a file, as the API would from the partner, and process it")
    .argument("<file>", "the interchange (any separators; a byte-order mark, UTF-16 and junk before the ISA are read)")
    .requiredOption("--tenant <slug>", "tenant slug or id")
    .option("--partner <name>", "the trading partner's name or id; found by the ISA's sender when left out")
    .option("--no-wait", "store it and return at once (a running server processes it)")
    .option("--json", "print the answer as JSON")
    .addHelpText(
      "after",
      "\nExit status: 0 when every set was taken, 2 when the interchange is quarantined (see the sets' problems; fix and replay), 1 when it could not be received.\nThe same interchange (sender and ISA13) received again is a duplicate: answered with the first receipt, not processed twice.",
    )
    .action(async (file: string, raw) => {
      const parsed = ReceiveFlags.safeParse(raw);
      if (!parsed.success) return fail(parsed.error.issues.map((issue) => `error: ${issue.message}`));
      const flags = parsed.data;
      const bytes = await readFile(file).catch((error: Error) => fail([`error: cannot read ${file}: ${error.message}`]));
      if (!bytes) return;
      await withClient(globals(), async (client) => {
        const target = flags.partner
          ? `/api/v1/edi/partners/${encodeURIComponent(flags.partner)}/interchanges`
          : "/api/v1/edi/interchanges";
        // Base64, so the file's bytes arrive exactly (ISO-8859-1 text, UTF-16, a byte-order mark).
        const answer = await client.request<InterchangeAccepted>("POST", `${target}?wait=${flags.wait}`, {
          tenant: flags.tenant,
          body: bytes.toString("base64"),
          contentType: "application/edi-x12",
          headers: { "content-transfer-encoding": "base64" },
        });
        const acknowledgments = answer.interchange?.acknowledgments.length
          ? await Promise.all(
              answer.interchange.acknowledgments.map((id) =>
                client.request<OutboundDocument>("GET", `/api/v1/edi/documents/${id}`, { tenant: flags.tenant }),
              ),
            )
          : [];
        if (flags.json) print({ ...answer, acknowledgment_documents: acknowledgments }, true);
        else {
          process.stdout.write(
            `interchange ${answer.control_number ?? "(no ISA)"} stored as ${answer.receipt_id}${answer.duplicate ? " before: a duplicate, not processed again" : ""}\n`,
          );
          if (answer.interchange) process.stdout.write(describeInterchange(answer.interchange, acknowledgments));
          else if (!answer.duplicate) process.stdout.write("it is processed next\n");
        }
        if (answer.interchange?.status === "quarantined") process.exitCode = 2;
      });
    });
  edi
    .command("send")
    .description("Write an 855 (from a sales order), 856 (from an outbound shipment) or 810 (from an AR invoice) for a partner")
    .requiredOption("--tenant <slug>", "tenant slug or id")
    .requiredOption("--partner <name>", "the trading partner's name or id")
    .requiredOption("--set <set>", "855, 856 or 810")
    .requiredOption("--record <id>", "the record it is made from: so_…, shpm_… or inv_…")
    .option("--out <file>", "also write the X12 to this file (- for standard output)")
    .option("--json", "print the document as JSON")
    .addHelpText(
      "after",
      "\nThe same set for the same record version is written once: asked again, the answer is that document. It is written to the partner's outbox folder when it has one.",
    )
    .action(async (raw) => {
      const parsed = SendFlags.safeParse(raw);
      if (!parsed.success) return fail(parsed.error.issues.map((issue) => `error: ${issue.message}`));
      const flags = parsed.data;
      await withClient(globals(), async (client) => {
        const document = await client.request<GeneratedDocument>(
          "POST",
          `/api/v1/edi/partners/${encodeURIComponent(flags.partner)}/documents`,
          { tenant: flags.tenant, json: { set: flags.set, record_id: flags.record } },
        );
        if (flags.out === "-") process.stdout.write(document.body);
        else if (flags.out) await writeFile(flags.out, document.body);
        if (flags.json) print(document, true);
        else if (flags.out !== "-") {
          process.stdout.write(
            `${describeDocument(document)}${document.duplicate ? " (written before for this version)" : ""}\n`,
          );
          for (const warning of document.warnings) process.stdout.write(`  warning: ${warning}\n`);
        }
      });
    });
  const partners = edi.command("partners").description("The tenant's trading partners");
  partners
    .command("list")
    .description("List the tenant's trading partners")
    .requiredOption("--tenant <slug>", "tenant slug or id")
    .option("--json", "print JSON")
    .action((options) =>
      withClient(globals(), async (client) => {
        const { data } = await client.request<{ data: TradingPartner[] }>("GET", "/api/v1/edi/partners", {
          tenant: options.tenant,
        });
        if (options.json) print(data, true);
        else {
          for (const partner of data) {
            process.stdout.write(
              `${partner.name}  ${partner.their.qualifier}:${partner.their.id} → ${partner.ours.qualifier}:${partner.ours.id}  ${partner.status}  sends ${partner.sends.join(",")}${partner.inbox ? `  inbox ${partner.inbox}` : ""}\n`,
            );
          }
          if (data.length === 0) process.stdout.write("no trading partners\n");
        }
      }),
    );
  partners
    .command("add")
    .description("Add a trading partner (the API takes every setting: POST /api/v1/edi/partners)")
    .requiredOption("--tenant <slug>", "tenant slug or id")
    .requiredOption("--name <name>", "lower-case letters, digits and dashes")
    .requiredOption("--their <qualifier:id>", "the partner's ISA qualifier and id, e.g. ZZ:ACMEBUYER")
    .requiredOption("--ours <qualifier:id>", "ours as the partner addresses us, e.g. 01:123456789")
    .option("--customer <external id>", "the customer it is, when its orders' N1*BY names none")
    .option("--supplier <external id>", "the supplier it is (855, 856, 810)")
    .option("--outbox <folder>", "a folder below the tenant's EDI outbox its 997s and documents are written to")
    .option("--inbox <folder>", "a folder below the tenant's EDI inbox watched for its files")
    .option("--json", "print JSON")
    .action((options) =>
      withClient(globals(), async (client) => {
        const party = (value: string, flag: string) => {
          const at = value.indexOf(":");
          if (at !== 2) throw new Error(`${flag} is the ISA qualifier, a colon and the id, e.g. ZZ:ACME`);
          return { qualifier: value.slice(0, 2), id: value.slice(3) };
        };
        const created = await client.request<TradingPartner>("POST", "/api/v1/edi/partners", {
          tenant: options.tenant,
          json: {
            name: options.name,
            their: party(options.their, "--their"),
            ours: party(options.ours, "--ours"),
            ...(options.customer ? { customer_external_id: options.customer } : {}),
            ...(options.supplier ? { supplier_external_id: options.supplier } : {}),
            ...(options.outbox ? { outbound: { type: "folder", path: options.outbox } } : {}),
            ...(options.inbox ? { inbox: options.inbox } : {}),
          },
        });
        if (options.json) print(created, true);
        else process.stdout.write(`added ${created.name} (${created.id}); its records are kept under ${created.source_system}\n`);
      }),
    );
}
