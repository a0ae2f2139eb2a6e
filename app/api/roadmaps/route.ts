import { listRoadmaps } from "@/lib/catalogue";
import { handle, json } from "@/lib/http";

// The catalogue is public: anyone may read it, signed in or not.
export const GET = handle(async () => {
  const roadmaps = await listRoadmaps();
  return json({ roadmaps }, { headers: { "cache-control": "public, max-age=60" } });
});
