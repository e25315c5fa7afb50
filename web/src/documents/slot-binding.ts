import type { ChangeEvent, KeyboardEvent } from "react";
import type { ReviewDraft, Slot } from "./review-draft.ts";

/** What an input of a value needs from the workspace: its value, whether it may change, and its events. */
export type SlotInputProps = {
  ref: (element: HTMLInputElement | null) => void;
  value: string;
  readOnly: boolean;
  onFocus: () => void;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
};

/** What the element holding a value needs: to be focused when the keyboard moves to it, and to be marked when selected. */
export type SlotRowProps = {
  ref: (element: HTMLElement | null) => void;
  tabIndex: number;
  "data-slot": string;
  "data-selected": "true" | undefined;
  onClick: () => void;
};

/** The workspace's hold on the values, handed to the header fields and the lines. */
export type SlotBinding = {
  draft: ReviewDraft;
  input(slot: Slot, index: number): SlotInputProps;
  row(slot: Slot, index: number): SlotRowProps;
};
