// Job applications over HTTP and SQL: the stage machine at the route, its append-only history, the
// "apply" tick, interviews and their skills to revise, the gap check, offers, ownership, bad input,
// the export and account deletion.
import { describe, expect, it } from "vitest";
import type { ApplicationView, PivotOverview } from "../../lib/applications";
import { expectError, expectOk, tick } from "../support/api";
import { call, createEnrollment, createUser, testDb, type TestUser } from "../support/factories";
import { localDaysAgo } from "../support/dates";

const body = (overrides: Record<string, unknown> = {}) => ({
  company: "Acme AI",
  roleTitle: "ML Engineer",
  track: "ml_engineer",
  source: "referral",
  ...overrides,
});

async function create(user: TestUser, overrides: Record<string, unknown> = {}): Promise<ApplicationView> {
  const res = await call("POST", "/api/applications", { user, body: body(overrides) });
  expectOk(res, 201);
  return res.json as ApplicationView;
}

const move = (user: TestUser, id: string, stage: string, on?: string) =>
  call("POST", `/api/applications/${id}/stage`, { user, body: { stage, ...(on ? { on } : {}) } });
const overview = async (user: TestUser) => (await call("GET", "/api/applications", { user })).json as PivotOverview;

async function milestoneOf(roadmapSlug: string, skill: string) {
  return testDb().milestone.findFirstOrThrow({ where: { roadmap: { slug: roadmapSlug }, skill: { slug: skill }, retiredAt: null } });
}

describe("applications: stages and their history", () => {
  it("moves through the pipeline, keeping each change with its date, and refuses illegal jumps with a field error", async () => {
    const user = await createUser("app-stages");
    await createEnrollment(user.id);
    const created = await create(user, { stage: "saved", stageOn: localDaysAgo(5) });
    expect(created).toMatchObject({
      stage: "saved",
      nextStages: ["applied", "rejected", "withdrawn"],
      history: [{ fromStage: null, toStage: "saved", changedOn: localDaysAgo(5) }],
    });

    const jump = expectError(await move(user, created.id, "technical"), "bad_request");
    expect(jump.fields).toEqual({ stage: ["A saved application hasn't been sent: mark it applied before technical."] });

    // A date before the previous change's would put the history out of order.
    expect(expectError(await move(user, created.id, "applied", localDaysAgo(6)), "bad_request").fields).toEqual({
      on: [`The date can't be before the previous stage's (${localDaysAgo(5)}).`],
    });
    expectOk(await move(user, created.id, "applied", localDaysAgo(3)));
    expectOk(await move(user, created.id, "screen", localDaysAgo(2)));
    const final = await move(user, created.id, "final");
    expectOk(final);
    expect((final.json as ApplicationView).history.map((h) => [h.fromStage, h.toStage, h.changedOn])).toEqual([
      [null, "saved", localDaysAgo(5)],
      ["saved", "applied", localDaysAgo(3)],
      ["applied", "screen", localDaysAgo(2)],
      ["screen", "final", localDaysAgo(0)],
    ]);

    const back = expectError(await move(user, created.id, "screen"), "bad_request");
    expect(back.fields).toEqual({ stage: ["Stages only move forward: final round can't go back to screen."] });
    const unknown = expectError(await move(user, created.id, "hired"), "bad_request");
    expect(Object.keys(unknown.fields ?? {})).toEqual(["stage"]);
    const future = expectError(await move(user, created.id, "offer", localDaysAgo(-1)), "bad_request");
    expect(future.fields).toEqual({ on: ["The date can't be in the future."] });

    expectOk(await move(user, created.id, "withdrawn"));
    const closed = expectError(await move(user, created.id, "offer"), "bad_request");
    expect(closed.fields?.stage?.[0]).toContain("withdrawn");
    expect(await testDb().applicationStageChange.count({ where: { applicationId: created.id } })).toBe(5);
  });

  it("keeps the stage history append-only: UPDATE and DELETE are refused; deleting the application takes it", async () => {
    const user = await createUser("app-append-only");
    const created = await create(user, { stage: "applied" });
    expectOk(await move(user, created.id, "screen"));
    const db = testDb();
    await expect(
      db.$executeRaw`update "ApplicationStageChange" set "toStage" = 'offer' where "applicationId" = ${created.id}`,
    ).rejects.toThrow(/append-only/);
    await expect(
      db.$executeRaw`update "ApplicationStageChange" set "changedOn" = '2020-01-01' where "applicationId" = ${created.id}`,
    ).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`delete from "ApplicationStageChange" where "applicationId" = ${created.id}`).rejects.toThrow(/append-only/);
    expect(await db.applicationStageChange.count({ where: { applicationId: created.id } })).toBe(2);

    expect((await call("DELETE", `/api/applications/${created.id}`, { user })).status).toBe(204);
    expect(await db.applicationStageChange.count({ where: { applicationId: created.id } })).toBe(0);
    expectError(await call("GET", `/api/applications/${created.id}`, { user }), "not_found");
  });

  it("doesn't let the details edit touch the stage: it is a field the edit refuses", async () => {
    const user = await createUser("app-patch-stage");
    const created = await create(user, { stage: "applied" });
    const res = expectError(await call("PATCH", `/api/applications/${created.id}`, { user, body: { stage: "offer" } }), "bad_request");
    expect(res.fields).toHaveProperty("_");
    expect(((await call("GET", `/api/applications/${created.id}`, { user })).json as ApplicationView).stage).toBe("applied");
  });
});

describe("applications: the apply milestone", () => {
  it("ticks 'Apply for ML Engineer roles' once the first application is sent, through the tick path", async () => {
    const user = await createUser("app-tick");
    await createEnrollment(user.id);
    const apply = await milestoneOf("swe-to-mle", "apply-ml-engineer-roles");
    const saved = await create(user, { stage: "saved" });
    expect((await overview(user)).applyMilestone).toMatchObject({ milestoneId: apply.id, status: "not_started" });
    expect(await testDb().progressEvent.count({ where: { userId: user.id } })).toBe(0);

    expectOk(await move(user, saved.id, "applied"));
    expect((await overview(user)).applyMilestone).toMatchObject({ status: "done" });
    const events = await testDb().progressEvent.findMany({
      where: { userId: user.id },
      select: { skillId: true, fromStatus: true, toStatus: true, source: true },
    });
    expect(events).toEqual([{ skillId: apply.skillId, fromStatus: "not_started", toStatus: "done", source: "application" }]);

    // A second application sent doesn't tick again.
    await create(user, { stage: "applied", company: "Second Ltd" });
    expect(await testDb().progressEvent.count({ where: { userId: user.id } })).toBe(1);
  });

  it("ticks the AI Engineer roadmap's own milestone for an AI Engineer application, and nothing for 'other'", async () => {
    const user = await createUser("app-tick-ai");
    await createEnrollment(user.id, "swe-to-ai-engineer");
    await create(user, { stage: "applied", track: "other" });
    expect(await testDb().progressEvent.count({ where: { userId: user.id } })).toBe(0);
    await create(user, { stage: "applied", track: "ai_engineer" });
    const apply = await milestoneOf("swe-to-ai-engineer", "apply-ai-engineer-roles");
    expect(
      await testDb().milestoneProgress.findFirst({ where: { userId: user.id, skillId: apply.skillId }, select: { status: true } }),
    ).toEqual({ status: "done" });
  });
});

describe("applications: interviews, the gap check and offers", () => {
  it("logs interviews with skills to revise that link to their milestones, and counts them for the interviews milestone", async () => {
    const user = await createUser("app-interviews");
    await createEnrollment(user.id);
    const app = await create(user, { stage: "applied" });
    const drift = await milestoneOf("swe-to-mle", "drift-detection-incident-response");
    const evalPipeline = await milestoneOf("swe-to-mle", "basic-eval-pipeline");
    const first = await call("POST", `/api/applications/${app.id}/interviews`, {
      user,
      body: {
        heldOn: localDaysAgo(1),
        kind: "ml_system_design",
        felt: 2,
        asked: "Design a fraud model's retraining",
        wentBadly: "drift",
        revisitMilestoneIds: [drift.id, evalPipeline.id, drift.id],
      },
    });
    expectOk(first, 201);
    expectOk(
      await call("POST", `/api/applications/${app.id}/interviews`, { user, body: { heldOn: localDaysAgo(0), kind: "coding", felt: 4 } }),
      201,
    );
    const after = await overview(user);
    const interviews = after.applications[0]!.interviews;
    expect(interviews.map((i) => [i.heldOn, i.kind, i.felt])).toEqual([
      [localDaysAgo(1), "ml_system_design", 2],
      [localDaysAgo(0), "coding", 4],
    ]);
    expect(interviews[0]!.revisitSkills.map((s) => [s.skill, s.milestoneId]).sort()).toEqual(
      [
        ["basic-eval-pipeline", evalPipeline.id],
        ["drift-detection-incident-response", drift.id],
      ].sort(),
    );
    const interviewsMilestone = await milestoneOf("swe-to-mle", "first-rough-interviews");
    expect(after).toMatchObject({ interviewCount: 2, interviewsMilestone: { milestoneId: interviewsMilestone.id } });
  });

  it("refuses an interview in the future, a felt outside 1–5, and a skill not on the current roadmap, each as a field error", async () => {
    const user = await createUser("app-interview-bad");
    await createEnrollment(user.id);
    const app = await create(user, { stage: "applied" });
    const post = (b: Record<string, unknown>) =>
      call("POST", `/api/applications/${app.id}/interviews`, { user, body: { heldOn: localDaysAgo(0), kind: "screen", felt: 3, ...b } });
    const tomorrow = localDaysAgo(-1);
    expect(expectError(await post({ heldOn: tomorrow }), "bad_request").fields).toEqual({
      heldOn: ["Log an interview once it has happened: the date can't be in the future."],
    });
    expect(Object.keys(expectError(await post({ felt: 6 }), "bad_request").fields ?? {})).toEqual(["felt"]);
    expect(Object.keys(expectError(await post({ kind: "vibes" }), "bad_request").fields ?? {})).toEqual(["kind"]);
    const aiOnly = await milestoneOf("swe-to-ai-engineer", "prompt-design");
    expect(expectError(await post({ revisitMilestoneIds: [aiOnly.id] }), "bad_request").fields).toEqual({
      revisitMilestoneIds: ["Choose skills from your current roadmap."],
    });
    expect(await testDb().interview.count({ where: { applicationId: app.id } })).toBe(0);
  });

  it("refuses an over-long job description with a field error, and a 100 kB one with the body cap's 413; a normal one is matched against progress", async () => {
    const user = await createUser("app-jd");
    const enrollment = await createEnrollment(user.id);
    const pytorch = await milestoneOf("swe-to-mle", "pytorch-fluency");
    expectOk(await tick(user, enrollment.id, pytorch.id, { status: "done" }));
    // Over the field's 20,000 characters, inside the 64 kB body cap: the field says what is wrong.
    const long = "PyTorch ".repeat(5_000);
    expect(long.length).toBe(40_000);
    expect(
      expectError(await call("POST", "/api/applications", { user, body: body({ jobDescription: long }) }), "bad_request").fields,
    ).toEqual({
      jobDescription: ["The job description can be at most 20,000 characters."],
    });
    const app = await create(user);
    expect(
      Object.keys(
        expectError(await call("PATCH", `/api/applications/${app.id}`, { user, body: { jobDescription: long } }), "bad_request").fields ??
          {},
      ),
    ).toEqual(["jobDescription"]);
    // 100 kB: past the body cap every JSON route shares (lib/request-guard.ts), refused before it is read.
    const huge = "PyTorch ".repeat(12_800);
    expect(huge.length).toBe(102_400);
    expectError(await call("POST", "/api/applications", { user, body: body({ jobDescription: huge }) }), "payload_too_large");
    expect(await testDb().jobApplication.count({ where: { userId: user.id } })).toBe(1);

    const res = await call("PATCH", `/api/applications/${app.id}`, {
      user,
      body: { jobDescription: "You know PyTorch, serve models with Docker, and watch for data drift." },
    });
    expectOk(res);
    const deploy = await milestoneOf("swe-to-mle", "deploy-model-behind-api");
    const drift = await milestoneOf("swe-to-mle", "drift-detection-incident-response");
    expect((res.json as ApplicationView).gaps).toEqual({
      done: [{ skill: "pytorch-fluency", terms: ["pytorch"], milestoneId: pytorch.id, title: pytorch.title }],
      notDone: [
        { skill: "deploy-model-behind-api", terms: ["serve models", "docker"], milestoneId: deploy.id, title: deploy.title },
        { skill: "drift-detection-incident-response", terms: ["drift", "data drift"], milestoneId: drift.id, title: drift.title },
      ],
    });
  });

  it("reads an offer against the London bands for its level", async () => {
    const user = await createUser("app-offer");
    const app = await create(user, { stage: "applied" });
    const res = await call("PATCH", `/api/applications/${app.id}`, { user, body: { offerBaseSalary: 125_000, offerLevel: "Senior" } });
    expectOk(res);
    expect((res.json as ApplicationView).offer).toEqual({
      level: "Senior",
      baseSalary: 125_000,
      swe: { band: [95, 130], position: "within" },
      mle: { band: [120, 165], position: "within" },
      source: "JobLabs, 2026",
    });
    expect(
      Object.keys(
        expectError(await call("PATCH", `/api/applications/${app.id}`, { user, body: { offerLevel: "Wizard" } }), "bad_request").fields ??
          {},
      ),
    ).toEqual(["offerLevel"]);
  });
});

describe("applications: ownership, export and deletion", () => {
  it("answers 404 to another user for every id of theirs, and changes nothing", async () => {
    const owner = await createUser("app-owner");
    const other = await createUser("app-other");
    const app = await create(owner, { stage: "applied", notes: "owner's private note" });
    for (const res of [
      await call("GET", `/api/applications/${app.id}`, { user: other }),
      await call("PATCH", `/api/applications/${app.id}`, { user: other, body: { notes: "mine now" } }),
      await move(other, app.id, "screen"),
      await call("POST", `/api/applications/${app.id}/interviews`, {
        user: other,
        body: { heldOn: localDaysAgo(0), kind: "screen", felt: 3 },
      }),
      await call("DELETE", `/api/applications/${app.id}`, { user: other }),
    ]) {
      expectError(res, "not_found");
      expect(res.text).not.toContain("owner's private note");
    }
    expect((await overview(other)).applications).toEqual([]);
    expect((await call("GET", `/api/applications/${app.id}`, { user: owner })).json as ApplicationView).toMatchObject({
      stage: "applied",
      notes: "owner's private note",
      interviews: [],
    });
  });

  it("exports applications with their history and interviews, and deletes them with the account", async () => {
    const user = await createUser("app-export");
    await createEnrollment(user.id);
    const drift = await milestoneOf("swe-to-mle", "drift-detection-incident-response");
    const app = await create(user, { stage: "applied", jobDescription: "PyTorch", nextStepOn: localDaysAgo(-3) });
    expectOk(await move(user, app.id, "screen"));
    expectOk(
      await call("POST", `/api/applications/${app.id}/interviews`, {
        user,
        body: { heldOn: localDaysAgo(0), kind: "screen", felt: 3, revisitMilestoneIds: [drift.id] },
      }),
      201,
    );
    const exported = (await call("GET", "/api/me/export", { user })).json as { applications: Record<string, unknown>[] };
    expect(exported.applications).toHaveLength(1);
    expect(exported.applications[0]).toMatchObject({
      id: app.id,
      company: "Acme AI",
      stage: "screen",
      jobDescription: "PyTorch",
      nextStepOn: localDaysAgo(-3),
      stageHistory: [
        { fromStage: null, toStage: "applied", changedOn: localDaysAgo(0) },
        { fromStage: "applied", toStage: "screen", changedOn: localDaysAgo(0) },
      ],
      interviews: [{ heldOn: localDaysAgo(0), kind: "screen", felt: 3, revisitSkills: ["drift-detection-incident-response"] }],
    });
    expect(exported.applications[0]).not.toHaveProperty("userId");

    const interviewIds = (await testDb().interview.findMany({ where: { applicationId: app.id }, select: { id: true } })).map((i) => i.id);
    expectOk(await call("DELETE", "/api/me", { user, body: { confirmEmail: user.email } }));
    const db = testDb();
    expect(await db.jobApplication.count({ where: { OR: [{ userId: user.id }, { id: app.id }] } })).toBe(0);
    expect(await db.applicationStageChange.count({ where: { applicationId: app.id } })).toBe(0);
    expect(await db.interview.count({ where: { applicationId: app.id } })).toBe(0);
    expect(await db.interviewRevisitSkill.count({ where: { interviewId: { in: interviewIds } } })).toBe(0);
  });
});

describe("applications: the interview goal, the weekly targets and the readiness list", () => {
  const interview = (user: TestUser, id: string, daysAgo = 0) =>
    call("POST", `/api/applications/${id}/interviews`, { user, body: { heldOn: localDaysAgo(daysAgo), kind: "coding", felt: 3 } });
  const plan = (user: TestUser, b: Record<string, unknown>) => call("PUT", "/api/pivot-plan", { user, body: b });
  const interviewsStatus = async (user: TestUser) => (await overview(user)).interviewsMilestone?.status;

  it("ticks the interviews milestone with the interview that reaches the chosen number, once, and an un-tick stays", async () => {
    const user = await createUser("app-goal");
    const enrollment = await createEnrollment(user.id);
    const milestone = await milestoneOf("swe-to-mle", "first-rough-interviews");
    expect((await call("GET", "/api/pivot-plan", { user })).json).toEqual({
      interviewGoal: 5,
      applicationsPerWeek: null,
      interviewsPerWeek: null,
    });
    expectOk(await plan(user, { interviewGoal: 6 }));
    const app = await create(user, { stage: "applied" });
    for (let n = 1; n <= 5; n++) expectOk(await interview(user, app.id, n), 201);
    expect(await interviewsStatus(user)).toBe("not_started");
    expect((await overview(user)).interviewGoal).toEqual({ count: 5, goal: 6, reached: false, text: "5 of 6 interviews logged" });

    expectOk(await interview(user, app.id), 201);
    expect(await interviewsStatus(user)).toBe("done");
    const events = () =>
      testDb().progressEvent.findMany({ where: { userId: user.id, skillId: milestone.skillId }, select: { toStatus: true, source: true } });
    expect(await events()).toEqual([{ toStatus: "done", source: "interview" }]);

    // Un-ticked by hand: the 7th interview doesn't cross the goal, so it stays open.
    expectOk(await tick(user, enrollment.id, milestone.id, { status: "not_started" }));
    expectOk(await interview(user, app.id), 201);
    expect(await interviewsStatus(user)).toBe("not_started");
    expect(await events()).toHaveLength(2);
  });

  it("ticks it when the goal is lowered to the interviews already logged, and refuses goals outside 5–10 and bad targets with field errors", async () => {
    const user = await createUser("app-goal-lower");
    await createEnrollment(user.id);
    expectOk(await plan(user, { interviewGoal: 8 }));
    const app = await create(user, { stage: "applied" });
    for (let n = 0; n < 5; n++) expectOk(await interview(user, app.id, n), 201);
    expect(await interviewsStatus(user)).toBe("not_started");

    expect(expectError(await plan(user, { interviewGoal: 4 }), "bad_request").fields).toEqual({
      interviewGoal: ["Choose 5 to 10 interviews."],
    });
    expect(expectError(await plan(user, { interviewGoal: 11 }), "bad_request").fields).toEqual({
      interviewGoal: ["Choose 5 to 10 interviews."],
    });
    expect(expectError(await plan(user, { applicationsPerWeek: 0, interviewsPerWeek: 2.5 }), "bad_request").fields).toEqual({
      applicationsPerWeek: ["The weekly target for applications must be at least 1, or left empty."],
      interviewsPerWeek: ["The weekly target for interviews must be a whole number."],
    });
    expect(Object.keys(expectError(await plan(user, { goal: 5 }), "bad_request").fields ?? {})).toEqual(["_"]);
    expect(await interviewsStatus(user)).toBe("not_started");

    expectOk(await plan(user, { interviewGoal: 5 }));
    expect(await interviewsStatus(user)).toBe("done");
  });

  it("paces applications and interviews from the week the targets were set, and lists what is missing before applying", async () => {
    const user = await createUser("app-pace");
    await createEnrollment(user.id);
    expect((await overview(user)).pace.measures).toEqual([]);
    const saved = await plan(user, { applicationsPerWeek: 3, interviewsPerWeek: 1 });
    expectOk(saved);
    expect(saved.json).toEqual({ interviewGoal: 5, applicationsPerWeek: 3, interviewsPerWeek: 1 });
    expect((await testDb().pivotPlan.findUniqueOrThrow({ where: { userId: user.id } })).targetsSince?.toISOString().slice(0, 10)).toBe(
      localDaysAgo(0),
    );

    const app = await create(user, { stage: "applied", stageOn: localDaysAgo(0) });
    await create(user, { stage: "saved", company: "Not sent yet" });
    expectOk(await interview(user, app.id), 201);
    const { pace, readiness } = await overview(user);
    // Set this week: nothing judged yet, this week's counts shown (the saved one isn't sent).
    expect(pace.measures.map((m) => [m.kind, m.status, m.label, m.thisWeek, m.weeksJudged])).toEqual([
      ["applications", "just_started", "Just started", 1, 0],
      ["interviews", "just_started", "Just started", 1, 0],
    ]);
    expect(readiness).toMatchObject({ ready: false, summary: "0 of 3 ready" });
    // The weekly email's preview (the batch read and compose the sends use) says the same in its "This week".
    const preview = await call("GET", "/digest", { user });
    expect(preview.status).toBe(200);
    expect(preview.text).toContain("Applications sent: Just started — 1 so far this week");
    expect(preview.text).toContain("Interviews done: Just started — 1 so far this week");

    // Saving the same numbers again doesn't restart the weeks; the plan is in the export and goes with the account.
    const before = (await testDb().pivotPlan.findUniqueOrThrow({ where: { userId: user.id } })).targetsSince;
    expectOk(await plan(user, { applicationsPerWeek: 3 }));
    expect((await testDb().pivotPlan.findUniqueOrThrow({ where: { userId: user.id } })).targetsSince).toEqual(before);
    const exported = (await call("GET", "/api/me/export", { user })).json as { pivotPlan: unknown };
    expect(exported.pivotPlan).toMatchObject({
      interviewGoal: 5,
      applicationsPerWeek: 3,
      interviewsPerWeek: 1,
      targetsSince: localDaysAgo(0),
    });
    expectOk(await call("DELETE", "/api/me", { user, body: { confirmEmail: user.email } }));
    expect(await testDb().pivotPlan.count({ where: { userId: user.id } })).toBe(0);
  });

  it("reopens a weak skill's done milestone as in progress for review, keeping its note", async () => {
    const user = await createUser("app-reopen");
    const enrollment = await createEnrollment(user.id);
    const drift = await milestoneOf("swe-to-mle", "drift-detection-incident-response");
    expectOk(await tick(user, enrollment.id, drift.id, { status: "done", note: "PSI on the scores" }));
    const app = await create(user, { stage: "applied" });
    expectOk(
      await call("POST", `/api/applications/${app.id}/interviews`, {
        user,
        body: { heldOn: localDaysAgo(0), kind: "ml_depth", felt: 2, revisitMilestoneIds: [drift.id] },
      }),
      201,
    );
    const first = await overview(user);
    expect(first.applications[0]!.interviews[0]!.revisitSkills).toEqual([
      { skill: "drift-detection-incident-response", title: drift.title, milestoneId: drift.id, status: "done" },
    ]);
    const row = first.milestones.find((m) => m.milestoneId === drift.id)!;
    // What the page's "Reopen for review" sends: the status, with the note and evidence as they are.
    expectOk(await tick(user, enrollment.id, drift.id, { status: "in_progress", note: row.note, evidenceUrl: row.evidenceUrl }));
    const after = await overview(user);
    expect(after.applications[0]!.interviews[0]!.revisitSkills[0]!.status).toBe("in_progress");
    expect(after.milestones.find((m) => m.milestoneId === drift.id)).toMatchObject({ status: "in_progress", note: "PSI on the scores" });
  });
});
