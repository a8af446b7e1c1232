import { inject } from "vitest";

// Runs before each test file imports the code under test, so lib/db connects to the run's database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.UPLOADS_DIR = inject("uploadsDir");
process.env.DEV_OUTBOX = "1";
