// npm run db:seed — seeds the roadmap catalogue (idempotent) into DATABASE_URL or the embedded database.
import { seedCatalogue } from "../../lib/catalogue-seed";
import { createPrismaClient } from "../../lib/prisma-client";
import { catalogue } from "../../lib/roadmaps";
import { resolveDevDatabaseUrl } from "./dev-database";

export async function seed(databaseUrl: string) {
  const client = createPrismaClient(databaseUrl);
  try {
    return await seedCatalogue(client, catalogue);
  } finally {
    await client.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url, stop } = await resolveDevDatabaseUrl();
  try {
    const report = await seed(url);
    console.log(`seeded ${report.roadmaps} roadmaps, ${report.milestones} live milestones (${report.retired} retired)`);
  } finally {
    await stop();
  }
}
