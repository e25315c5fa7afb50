import { AppError } from "../../platform/errors.ts";
import { RECORD_TYPE_NAMES } from "./contract/index.ts";

/** A record that does not exist in the caller's tenant (or exists only in another one). */
export class RecordNotFoundError extends AppError {
  constructor(type: string, what: string) {
    super("not_found", `No ${type} ${what} was found`);
    this.name = "RecordNotFoundError";
  }
}

export class UnknownRecordTypeError extends AppError {
  constructor(type: string) {
    super("not_found", `There is no record type "${type}"; the types are ${RECORD_TYPE_NAMES.join(", ")}`);
    this.name = "UnknownRecordTypeError";
  }
}

export class InvalidCursorError extends AppError {
  constructor(reason: string) {
    super("bad_request", `The cursor is not valid: ${reason}. Start again without one.`, {
      details: [{ path: "cursor", message: reason }],
    });
    this.name = "InvalidCursorError";
  }
}
