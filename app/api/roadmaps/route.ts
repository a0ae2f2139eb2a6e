import { listRoadmaps } from "@/lib/catalogue";
import { handle, json, otherMethods } from "@/lib/http";

// The catalogue is public: anyone may read it, signed in or not.
export const GET = handle(async () => {
  const roadmaps = await listRoadmaps();
  return json({ roadmaps }, { headers: { "cache-control": "public, max-age=60" } });
});

// Any other method: a 405 in the one error shape, with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
