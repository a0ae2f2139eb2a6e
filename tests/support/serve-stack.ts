// Starts the test stack and keeps it running (for debugging tests by hand): npx tsx tests/support/serve-stack.ts
import { startStack } from "./stack";

const stack = await startStack({ build: process.env.SKIP_BUILD !== "1" });
console.log(`stack up: ${stack.baseUrl} db=${stack.databaseUrl} smtp=${stack.smtpUrl}`);
const stop = () => void stack.stop().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
