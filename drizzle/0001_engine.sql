CREATE TABLE "engine_cron_marks" (
	"function_id" text NOT NULL,
	"cron" text NOT NULL,
	"last_slot" timestamp with time zone NOT NULL,
	CONSTRAINT "engine_cron_marks_function_id_cron_pk" PRIMARY KEY("function_id","cron")
);
--> statement-breakpoint
CREATE TABLE "engine_events" (
	"id" text PRIMARY KEY NOT NULL,
	"external_id" text,
	"name" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engine_functions" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"config" jsonb NOT NULL,
	"synced_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engine_queue" (
	"run_id" text NOT NULL,
	"target" text NOT NULL,
	"function_id" text NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"lease_owner" text,
	"concurrency" jsonb,
	"rerun" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "engine_queue_run_id_target_pk" PRIMARY KEY("run_id","target")
);
--> statement-breakpoint
CREATE TABLE "engine_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"function_id" text NOT NULL,
	"event_id" text NOT NULL,
	"event" jsonb NOT NULL,
	"status" text NOT NULL,
	"disable_immediate" boolean DEFAULT false NOT NULL,
	"resolved_count" integer DEFAULT 0 NOT NULL,
	"concurrency" jsonb,
	"throttle_key" text,
	"rate_limit_key" text,
	"idempotency_key" text,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_error" jsonb,
	"output" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "engine_steps" (
	"run_id" text NOT NULL,
	"hash" text NOT NULL,
	"step_id" text NOT NULL,
	"op" text NOT NULL,
	"name" text,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"last_error" jsonb,
	"wake_at" timestamp with time zone,
	"wait_event" text,
	"wait_if" text,
	"race" boolean DEFAULT false NOT NULL,
	"position" integer,
	"created_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "engine_steps_run_id_hash_pk" PRIMARY KEY("run_id","hash")
);
--> statement-breakpoint
CREATE INDEX "engine_events_external_id_idx" ON "engine_events" USING btree ("external_id","received_at") WHERE "engine_events"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "engine_events_received_idx" ON "engine_events" USING btree ("received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "engine_queue_due_idx" ON "engine_queue" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "engine_runs_created_idx" ON "engine_runs" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "engine_runs_active_idx" ON "engine_runs" USING btree ("function_id","status") WHERE "engine_runs"."status" in ('queued','running');--> statement-breakpoint
CREATE INDEX "engine_runs_throttle_idx" ON "engine_runs" USING btree ("function_id","throttle_key","scheduled_at") WHERE "engine_runs"."throttle_key" is not null;--> statement-breakpoint
CREATE INDEX "engine_runs_rate_limit_idx" ON "engine_runs" USING btree ("function_id","rate_limit_key","created_at") WHERE "engine_runs"."rate_limit_key" is not null;--> statement-breakpoint
CREATE INDEX "engine_runs_idempotency_idx" ON "engine_runs" USING btree ("function_id","idempotency_key","created_at") WHERE "engine_runs"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "engine_steps_timers_idx" ON "engine_steps" USING btree ("wake_at") WHERE "engine_steps"."status" in ('sleeping','waiting');--> statement-breakpoint
CREATE INDEX "engine_steps_waits_idx" ON "engine_steps" USING btree ("wait_event") WHERE "engine_steps"."status" = 'waiting';