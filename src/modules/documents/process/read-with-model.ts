import type { Ai } from "../../ai/index.ts";
import type { Extraction } from "../contract/documents.ts";
import { fromModelReading, ModelReading, modelPrompt } from "../extract/model-reading.ts";
import { judgeReading, type ReadDocument } from "../extract/read-document.ts";
import type { PageText } from "../text/page-text.ts";

/** A document read again by a model: given the rules' reading and its pages, the model's reading judged the same way. */
export type ReadWithModel = (tenantId: string, document: ReadDocument, pages: PageText[]) => Promise<ReadDocument>;

const byRules = (note: string): Extraction => ({ engine: "rules", provider: null, model: null, call_id: null, note });

/**
 * The model extractor, for a tenant that chose it: the document's text goes to the tenant's
 * model through the AI layer (masked, budgeted, logged), its answer is normalised, located and
 * checked against the rules' reading (`fromModelReading`), then judged by the same thresholds and
 * checks. Without a provider, or when the model fails or is refused, the rules' reading stands and
 * says why.
 */
export function createModelReader(ai: Pick<Ai, "generateObject">, chosen: (tenantId: string) => Promise<boolean>): ReadWithModel {
  return async (tenantId, document, pages) => {
    if (document.kind === "other" || !(await chosen(tenantId))) return document;
    const { system, prompt } = modelPrompt(document.kind, pages);
    try {
      const answer = await ai.generateObject({
        tenantId,
        actor: { type: "system", id: "documents", label: "document reading" },
        feature: "documents.extract",
        system,
        prompt,
        schema: ModelReading,
      });
      if (!answer) return { ...document, extraction: byRules("the tenant chose a model, but no AI provider is enabled") };
      const read = fromModelReading(document.kind, pages, answer.value, document);
      const kindGiven = document.kind !== document.classification.kind;
      return {
        ...judgeReading(document.kind, document.classification, read.fields, read.lines, kindGiven),
        extraction: {
          engine: "model",
          provider: answer.engine.provider,
          model: answer.engine.model,
          call_id: answer.engine.call_id,
          note: null,
        },
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ...document, extraction: byRules(`the model did not read it (${message.slice(0, 300)}); the rules did`) };
    }
  };
}
