// Browser-side fetch for our JSON routes: turns the one error shape into a thrown ApiError.
import type { ErrorBody, FieldErrors } from "@/lib/errors";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }
}

export async function apiFetch<T>(url: string, init?: { method?: string; body?: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init?.method ?? "GET",
      headers: init?.body === undefined ? undefined : { "content-type": "application/json" },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, "You seem to be offline. Nothing was saved; try again when you're connected.");
  }
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const body = data as Partial<ErrorBody> | null;
    const message =
      response.status === 401
        ? "Your session has ended. Sign in again to continue."
        : (body?.error?.message ?? `The request failed (${response.status}).`);
    throw new ApiError(response.status, message, body?.error?.fields);
  }
  return data as T;
}
