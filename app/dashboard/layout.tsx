import type { ReactNode } from "react";
import { requirePageUser } from "@/lib/auth";

/**
 * The sign-in check sits here, above loading.tsx's boundary: once the page streams, a redirect could
 * no longer be a 307, so a visitor who isn't signed in is sent away before anything is sent. The
 * page's own check reads the same cached session (getCurrentUser is cache()d per request).
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  await requirePageUser("/dashboard");
  return children;
}
