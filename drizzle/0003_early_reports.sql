CREATE TABLE "early_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"office_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"provider_message_id" text NOT NULL,
	"report" jsonb NOT NULL,
	"source" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "early_reports_lookup_idx" ON "early_reports" USING btree ("provider","provider_message_id");--> statement-breakpoint
CREATE INDEX "early_reports_received_idx" ON "early_reports" USING btree ("received_at");