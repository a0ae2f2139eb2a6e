import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p>There is nothing here, or it isn&apos;t yours to see.</p>
      <Link href="/" className="underline">
        Back to the start
      </Link>
    </div>
  );
}
