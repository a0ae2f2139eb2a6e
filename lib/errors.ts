// One error shape for every JSON route: { error: { code, message, fields? } }.
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import { fieldErrorsOf, type FieldErrors } from "./validation/field-errors";

export type { FieldErrors };

export type ErrorCode =
  | "bad_request"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "unprocessable"
  | "rate_limited"
  | "internal"
  | "unavailable";

/** The HTTP status of each error code; tests check responses against it. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldErrors; correlationId?: string };
}

/** An expected failure with a message that is safe to show the user. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    /** Sent with the error: `Retry-After` on a 429, `Allow` on a 405. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = "Not found") => new AppError("not_found", what);
export const unauthenticated = () => new AppError("unauthenticated", "Sign in to continue.");

export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (error instanceof AppError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } },
      { status: error.status, ...(error.headers ? { headers: error.headers } : {}) },
    );
  }
  if (error instanceof z.ZodError) {
    return NextResponse.json(
      { error: { code: "bad_request", message: "Some fields need attention.", fields: fieldErrorsOf(error) } },
      { status: 400 },
    );
  }
  // Unexpected: details stay in the server log, the user gets an id to quote.
  const correlationId = randomUUID();
  console.error(`[${correlationId}]`, error);
  return NextResponse.json({ error: { code: "internal", message: "Something went wrong on our side.", correlationId } }, { status: 500 });
}
