"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p>Nothing you entered was lost. Try again; if it keeps happening, quote this reference: {error.digest ?? "n/a"}.</p>
      <button type="button" onClick={reset} className="min-h-11 rounded-lg bg-brand-700 px-4 py-2 text-white">
        Try again
      </button>
    </div>
  );
}
