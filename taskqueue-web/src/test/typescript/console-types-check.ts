// Compiled, never run, by ApiDescriptionIT next to a client generated from the /openapi document
// the deployed app serves, with the console's src/services/types.ts copied in as console-types.ts.
// It fails to compile when a console type names a field that the server's schema does not declare
// (a field renamed or removed on the server, or misspelt in the console); tsc's message names it.
import type * as api from "./index";
import type {
  Attempt,
  Dependencies,
  Job,
  JobTemplate,
  LogLine,
  LogPage,
  Me,
  Page,
  Problem,
  QueuesInfo,
  Relative,
  RetentionAges,
  RetentionChange,
  RetentionInfo,
  RetentionRun,
  Schedule,
  ScheduleInput,
  SchedulePreview,
  Stats,
  WindowStats,
  WorkerNode,
  WorkerThread,
  Workflow,
  WorkflowMember,
  WsTicket,
} from "./console-types";

/** The console's fields that the server's schema lacks. */
type Undeclared<Console, Server> = Exclude<keyof Console, keyof Server>;
/** Compiles only when given never: no undeclared field. */
type None<T extends never> = T;

export type ConsoleReadsOnlyDeclaredFields = [
  None<Undeclared<Me, api.Me>>,
  None<Undeclared<Stats, api.JobStats>>,
  None<Undeclared<WindowStats, api.WindowStats>>,
  None<Undeclared<QueuesInfo, api.QueueOverview>>,
  None<Undeclared<WorkerNode, api.NodeHealth>>,
  None<Undeclared<WorkerThread, api.WorkerHealth>>,
  None<Undeclared<Attempt, api.AttemptView>>,
  None<Undeclared<Job, api.JobView>>,
  None<Undeclared<NonNullable<Job["progress"]>, api.ProgressView>>,
  None<Undeclared<Page<Job>, api.JobPage>>,
  None<Undeclared<Relative, api.RelativeView>>,
  None<Undeclared<Dependencies, api.DependenciesView>>,
  None<Undeclared<Workflow, api.WorkflowView>>,
  None<Undeclared<WorkflowMember, api.WorkflowMember>>,
  None<Undeclared<LogLine, api.LogLineView>>,
  None<Undeclared<LogPage, api.LogPage>>,
  None<Undeclared<Schedule, api.ScheduleView>>,
  None<Undeclared<NonNullable<Schedule["lastRun"]>, api.LastRun>>,
  None<Undeclared<JobTemplate, api.JobTemplateView>>,
  None<Undeclared<SchedulePreview, api.SchedulePreview>>,
  None<Undeclared<WsTicket, api.WsTicket>>,
  None<Undeclared<Problem, api.Problem>>,
  None<Undeclared<RetentionInfo, api.RetentionView>>,
  None<Undeclared<RetentionAges, api.RetentionAges>>,
  None<Undeclared<RetentionRun, api.RetentionRun>>,
];

export type ConsoleSendsOnlyDeclaredFields = [
  None<Undeclared<ScheduleInput, api.ScheduleRequest>>,
  None<Undeclared<JobTemplate, api.SubmitJobRequest>>,
  None<Undeclared<RetentionChange, api.RetentionChange>>,
];
