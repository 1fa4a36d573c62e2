// Runs against a client that OpenAPI Generator (typescript-fetch) made from the /openapi document
// the deployed app serves; ApiDescriptionIT generates it next to this file, compiles and runs it.
// It submits a job, reads it until it completes, and sends a bad job to read the typed problem.
// Prints one JSON line of what it saw; any surprise exits non-zero with the reason.
import {
  Configuration,
  JobsApi,
  ProblemFromJSON,
  ResponseError,
} from "./index";

declare const process: { argv: string[]; exit(code: number): never };

async function main(): Promise<void> {
  const [basePath, key] = process.argv.slice(2);
  const jobs = new JobsApi(new Configuration({ basePath, accessToken: key }));

  const submitted = await jobs.submitJob({
    submitJobRequest: {
      type: "echo",
      payload: { greeting: "hello" },
      priority: "high",
    },
  });
  let job = submitted;
  const deadline = Date.now() + 30_000;
  while (
    job.status !== "completed" &&
    job.status !== "dead" &&
    Date.now() < deadline
  ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    job = await jobs.getJob({ id: submitted.id! });
  }

  let problem = null;
  try {
    await jobs.submitJob({
      submitJobRequest: { type: "echo", maxAttempts: 0 },
    });
  } catch (e) {
    if (!(e instanceof ResponseError)) throw e;
    problem = ProblemFromJSON(await e.response.json());
  }

  console.log(
    JSON.stringify({
      id: submitted.id,
      createdIsDate: submitted.createdAt instanceof Date,
      status: job.status,
      result: job.result,
      problem,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
