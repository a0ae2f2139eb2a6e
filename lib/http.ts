// Route-handler plumbing: every JSON route runs through `handle`, so errors share one shape and
// nothing unexpected leaks as a stack trace or a bare 500 page.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { AppError, errorResponse } from "./errors";

/** Reads and validates a JSON body; malformed JSON is the caller's mistake (400), never a 500. */
export async function parseJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json")) {
    throw new AppError("bad_request", "Send a JSON body (Content-Type: application/json).");
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  return schema.parse(body);
}

/** Validates a route parameter; a malformed id is as unknown as a missing one. */
export function parseParam<S extends z.ZodType>(value: unknown, schema: S, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("not_found", `No such ${what}.`);
  return parsed.data;
}

export function handle<C>(fn: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      const response = await fn(request, context);
      // Signed-in data must not sit in shared caches.
      if (!response.headers.has("cache-control")) response.headers.set("cache-control", "private, no-store");
      return response;
    } catch (error) {
      const response = errorResponse(error);
      response.headers.set("cache-control", "private, no-store");
      return response;
    }
  };
}

export const json = <T>(data: T, init?: ResponseInit) => NextResponse.json(data, init);
