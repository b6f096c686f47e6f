import {
  isAppError,
  type ErrorCategory,
  type FieldProblem,
  type SourcingImportRow,
} from "@it-atlas/domain";
import { checkPasswordPolicy, type PasswordPolicyContext } from "../auth/passwords.ts";
import { readAndCheckImportFile, type CheckedImportFile } from "../import/importService.ts";
import { assertWorkbookUnpacksWithin } from "../import/readWorkbook.ts";
import {
  prepareSourcingPlan,
  type PreparedSourcingPlan,
  type SourcingCompareInput,
} from "../import/sourcingPlan.ts";

/** The CPU-heavy tasks the worker pool runs, with their plain-data input and output. */
export interface WorkerTasks {
  /**
   * Reads an uploaded XLSX/CSV file and checks its rows (no database); given the stored
   * versions, also compares the Bezüge with them (`CheckedImportFile.sourcingPlan`).
   */
  "import.check": {
    input: { bytes: Uint8Array; fileName: string; sourcing?: SourcingCompareInput | undefined };
    output: CheckedImportFile;
  };
  /** Compares sourcing rows with the stored versions and prepares their writes (no database). */
  "import.planSourcing": {
    input: { rows: SourcingImportRow[]; compare: SourcingCompareInput };
    output: PreparedSourcingPlan;
  };
  /** Checks a new password against the policy (zxcvbn); refusals come back as InputError. */
  "password.check": {
    input: { password: string; context: PasswordPolicyContext };
    output: null;
  };
  /** Measures an .xlsx's real unpacked size against the budget (refuses ZIP bombs). */
  "import.inspect": {
    input: { bytes: Uint8Array };
    output: { unpackedBytes: number | null };
  };
}

/** Name of a task of the pool. */
export type WorkerTaskName = keyof WorkerTasks;

/** A message to a worker: the task and its input. */
export interface WorkerMessage<Name extends WorkerTaskName = WorkerTaskName> {
  task: Name;
  input: WorkerTasks[Name]["input"];
}

/** An expected error as plain data (classes do not survive the thread boundary). */
export interface WorkerAppError {
  category: ErrorCategory;
  code: string;
  detail: string;
  problems?: FieldProblem[] | undefined;
}

/** What a worker answers: the task's output, or the application error it threw. */
export type WorkerOutcome<Output> =
  { ok: true; value: Output } | { ok: false; error: WorkerAppError };

type TaskTable = {
  [Name in WorkerTaskName]: (
    input: WorkerTasks[Name]["input"],
  ) => Promise<WorkerTasks[Name]["output"]>;
};

/** ZIP files (and so .xlsx) start with "PK\x03\x04". */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const TASKS: TaskTable = {
  "import.check": ({ bytes, fileName, sourcing }) =>
    readAndCheckImportFile(bytes, fileName, sourcing),
  "import.planSourcing": ({ rows, compare }) => Promise.resolve(prepareSourcingPlan(rows, compare)),
  "password.check": ({ password, context }) => {
    checkPasswordPolicy(password, context);
    return Promise.resolve(null);
  },
  "import.inspect": async ({ bytes }) => ({
    unpackedBytes: isZip(bytes) ? await assertWorkbookUnpacksWithin(bytes) : null,
  }),
};

/**
 * Runs one task in the current thread (inside a worker, or inline where no pool runs);
 * application errors come back as data, anything else is thrown.
 */
export async function runWorkerTask<Name extends WorkerTaskName>(
  message: WorkerMessage<Name>,
): Promise<WorkerOutcome<WorkerTasks[Name]["output"]>> {
  const task = TASKS[message.task] as
    ((input: WorkerTasks[Name]["input"]) => Promise<WorkerTasks[Name]["output"]>) | undefined;
  if (!task) throw new Error(`Unbekannte Aufgabe: ${String(message.task)}`);
  try {
    return { ok: true, value: await task(message.input) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return {
      ok: false,
      error: {
        category: error.category,
        code: error.code,
        detail: error.detail,
        problems: "problems" in error ? (error.problems as FieldProblem[]) : undefined,
      },
    };
  }
}
