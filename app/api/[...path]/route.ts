// An /api path that no route handles: the JSON error shape's 404, whatever the method, instead of
// the HTML not-found page. More specific routes always win over this catch-all.
import { unknownApiPath } from "@/lib/http";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = unknownApiPath();
