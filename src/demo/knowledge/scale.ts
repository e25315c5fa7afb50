import type { DemoScale } from "../world.ts";

/** How many documents and questions each scale of world gets. */
export type KnowledgeSizes = {
  /** Customer contracts for key accounts (at most), then for other customers. */
  keyAccountContracts: number;
  otherContracts: number;
  supplierAgreements: number;
  /** Items listed per category in the catalog excerpt. */
  catalogItemsPerCategory: number;
  /** Lines of a contract's pricing exhibit, at most. */
  exhibitLines: number;
  /** Items a supplier agreement's product schedule lists, at most. */
  scheduleLines: number;
  /** Hazardous items the hazmat SOP lists, at most. */
  hazmatItems: number;
  questions: number;
};

export const KNOWLEDGE_SIZES: Record<DemoScale, KnowledgeSizes> = {
  small: {
    keyAccountContracts: 4,
    otherContracts: 3,
    supplierAgreements: 3,
    catalogItemsPerCategory: 30,
    exhibitLines: 40,
    scheduleLines: 30,
    hazmatItems: 25,
    questions: 40,
  },
  medium: {
    keyAccountContracts: 20,
    otherContracts: 10,
    supplierAgreements: 10,
    catalogItemsPerCategory: 60,
    exhibitLines: 50,
    scheduleLines: 40,
    hazmatItems: 40,
    questions: 150,
  },
  large: {
    keyAccountContracts: 40,
    otherContracts: 24,
    supplierAgreements: 24,
    catalogItemsPerCategory: 100,
    exhibitLines: 60,
    scheduleLines: 50,
    hazmatItems: 60,
    questions: 300,
  },
};
