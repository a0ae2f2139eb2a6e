// Route-handler plumbing: every JSON route runs through `handle`, so errors share one shape and
// nothing unexpected leaks as a stack trace or a bare 500 page.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { AppError, errorResponse, unauthenticated } from "./errors";
import { Prisma } from "./generated/prisma/client";
import { BODY_LIMIT_BYTES, declaresTooLargeBody, PAYLOAD_TOO_LARGE_MESSAGE } from "./request-guard";

/**
 * The body as text, refused with a 413 past BODY_LIMIT_BYTES: first from its Content-Length, then
 * while streaming it in (a body sent without one), so an oversized body is never held whole.
 */
async function readCappedText(request: Request): Promise<string> {
  if (declaresTooLargeBody(request.headers.get("content-length"))) throw new AppError("payload_too_large", PAYLOAD_TOO_LARGE_MESSAGE);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > BODY_LIMIT_BYTES) {
      await reader.cancel();
      throw new AppError("payload_too_large", PAYLOAD_TOO_LARGE_MESSAGE);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  // As Request.json() decodes: UTF-8, a leading BOM dropped, bad bytes replaced.
  return new TextDecoder().decode(bytes);
}

/** Reads and validates a JSON body; malformed JSON is the caller's mistake (400), never a 500. */
export async function parseJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json")) {
    throw new AppError("bad_request", "Send a JSON body (Content-Type: application/json).");
  }
  const text = await readCappedText(request);
  let body: unknown;
  try {
    body = JSON.parse(text);
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

/**
 * A row the request needed was deleted while it ran: most often the caller's account, deleted in
 * another tab mid-request (a lookup that must find a row finds none, P2025; an insert's foreign key
 * points at nothing, P2003, or P2010 from a raw statement). Every id is checked before it is used,
 * so only such a race gets here: the caller is signed out (401), or the thing is gone (404).
 */
function vanishedRecord(error: unknown): AppError | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return null;
  const meta = error.meta as
    { modelName?: unknown; driverAdapterError?: { cause?: { kind?: unknown; constraint?: { index?: unknown } } } } | undefined;
  const cause = meta?.driverAdapterError?.cause;
  if (error.code === "P2025") return meta?.modelName === "User" ? unauthenticated() : new AppError("not_found", "It no longer exists.");
  if (error.code === "P2003" || (error.code === "P2010" && cause?.kind === "ForeignKeyConstraintViolation")) {
    const constraint = typeof cause?.constraint?.index === "string" ? cause.constraint.index : "";
    return constraint.endsWith("_userId_fkey") ? unauthenticated() : new AppError("not_found", "What this refers to no longer exists.");
  }
  return null;
}

export function handle<C>(fn: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      const response = await fn(request, context);
      // Signed-in data must not sit in shared caches.
      if (!response.headers.has("cache-control")) response.headers.set("cache-control", "private, no-store");
      return response;
    } catch (error) {
      const response = errorResponse(vanishedRecord(error) ?? error);
      response.headers.set("cache-control", "private, no-store");
      return response;
    }
  };
}

export const json = <T>(data: T, init?: ResponseInit) => NextResponse.json(data, init);

const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type RouteMethod = (typeof ROUTE_METHODS)[number];
/** The methods a route module implements itself; HEAD (from GET) and OPTIONS come with them. */
type ImplementedMethod = Exclude<RouteMethod, "HEAD" | "OPTIONS">;
type Refused<A extends ImplementedMethod> = Exclude<RouteMethod, A | ("GET" extends A ? "HEAD" : never)>;
// Next accepts a plain Response as well as a promise of one.
type RouteHandler = (request: Request) => Response | Promise<Response>;

/**
 * The rest of a route module's methods, for it to export: each answers 405 in the one error shape
 * with `Allow`, and OPTIONS answers 204 with `Allow`. Next's own 405 has an empty body and no
 * `Allow`, and its OPTIONS would list these refusals as allowed. HEAD is left to Next where the
 * route has GET (it runs GET without the body).
 *
 *     export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
 */
export function otherMethods<const A extends ImplementedMethod>(...allowed: A[]): Record<Refused<A>, RouteHandler> {
  const implemented = new Set<RouteMethod>(allowed);
  if (implemented.has("GET")) implemented.add("HEAD");
  implemented.add("OPTIONS");
  const allow = [...implemented].sort().join(", ");
  const refuse: RouteHandler = (request) => {
    const response = errorResponse(
      new AppError("method_not_allowed", `${request.method} is not allowed here; use ${allowed.join(" or ")}.`, undefined, { allow }),
    );
    response.headers.set("cache-control", "private, no-store");
    return response;
  };
  const options: RouteHandler = () => new Response(null, { status: 204, headers: { allow } });
  const handlers: Partial<Record<RouteMethod, RouteHandler>> = {};
  for (const method of ROUTE_METHODS) {
    if (method === "OPTIONS") handlers[method] = options;
    else if (!implemented.has(method)) handlers[method] = refuse;
  }
  return handlers as Record<Refused<A>, RouteHandler>;
}

/** Every method of an /api path that no route handles: the one error shape's 404, not the HTML page. */
export function unknownApiPath(): Record<RouteMethod, RouteHandler> {
  const answer: RouteHandler = () => {
    const response = errorResponse(new AppError("not_found", "There is no such API endpoint."));
    response.headers.set("cache-control", "no-store");
    return response;
  };
  return Object.fromEntries(ROUTE_METHODS.map((method) => [method, answer])) as Record<RouteMethod, RouteHandler>;
}
