/**
 * The messages of a resumable job run in its own Worker (jobSession.ts on the Worker, jobControl.ts
 * on the page), typed by what the job adds: what starts it (`Start`), what its progress carries
 * (`Progress`) and any event of its own (`Own`, e.g. a finished point). `id` names the job: each
 * side ignores the other's messages about a job it has replaced.
 */
export type JobRequest<Start> =
  | ({ readonly type: 'start'; readonly id: number } & Start)
  | { readonly type: 'pause'; readonly id: number }
  | { readonly type: 'resume'; readonly id: number }
  | { readonly type: 'cancel'; readonly id: number };

export type JobEvent<Progress, Own extends { readonly type: string } = never> =
  | { readonly type: 'loading'; readonly id: number }
  | ({ readonly type: 'progress'; readonly id: number; readonly done: boolean } & Progress)
  | ({ readonly id: number } & Own)
  | { readonly type: 'error'; readonly id: number; readonly message: string };
