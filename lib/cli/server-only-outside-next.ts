// The data-access modules import "server-only", so that Next's build refuses them in a Client
// Component. Outside Next's bundles — this process's scheduler beside the web server, the worker, the
// one-off commands — Node would resolve that package's default export, which throws. These processes
// are servers: here "server-only" resolves as it does for a Server Component, to an empty module.
// Imported first by local-env.ts, which every entry point goes through before it loads the domain
// (dynamically: a static import would be resolved before this hook is registered).
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  if (specifier !== "server-only") return next(specifier, context);
  return next(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
