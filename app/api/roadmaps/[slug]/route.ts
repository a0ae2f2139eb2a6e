import { getRoadmapBySlug } from "@/lib/catalogue";
import { notFound } from "@/lib/errors";
import { handle, json, otherMethods, parseParam } from "@/lib/http";
import { slugSchema } from "@/lib/validation/common";

// Public, like the catalogue.
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const slug = parseParam((await params).slug, slugSchema, "roadmap");
  const roadmap = await getRoadmapBySlug(slug);
  if (!roadmap) throw notFound("No such roadmap.");
  return json({ roadmap }, { headers: { "cache-control": "public, max-age=60" } });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
